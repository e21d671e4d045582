//! `git charter agent-hook <agent>`: the charter where the code is generated. A coding agent's
//! hook payload (collect::agent) becomes facts — the shell command split as the shell would run it
//! (detect::shell, detect::gitcmd), the files an edit names, what an edit just wrote — and the
//! `agent` stage's policies judge them; a proposed `git commit -m …` is judged by the commit-msg
//! hook's own policies before it runs. report::agent answers in the agent's protocol.
//!
//! State, under `<git dir>/charter/agent/` (safe to delete; written atomically, redacted): the
//! model each session said it runs, the files agents edited (for `prepare-commit-msg`), and the
//! after-edit findings of agents that can only be told when they stop (Cursor, Copilot).

use super::session::{PendingEvaluator, Session, too_large_verdict};
use crate::collect::Scope;
use crate::collect::agent::{self, Agent, Event, Payload};
use crate::detect::ai::AiEvidence;
use crate::detect::gitcmd::{self, GitCall};
use crate::detect::redact::Field;
use crate::detect::shell;
use crate::error::{Error, Result};
use crate::input::{AgentCall, AgentCommand, AgentPath, AgentSimpleCommand, Input};
use crate::model::{Ident, Stage, Strength, Violation};
use crate::rules::signatures::Where;
use serde::{Deserialize, Serialize};
use std::path::{Component, Path, PathBuf};

/// The most payload read from stdin: an agent's tool call with a whole file's content in it.
pub const PAYLOAD_LIMIT: u64 = 16 << 20;

pub use crate::model::{AgentFailure as Failure, AgentPhase as Phase, AgentVerdict};

/// What an agent hook found: the verdict, and the input documents judged (`--print-input`).
#[derive(Debug, Clone)]
pub struct Outcome {
    pub verdict: AgentVerdict,
    pub inputs: Vec<Input>,
}

impl Outcome {
    fn new(p: &Payload, phase: Phase) -> Outcome {
        Outcome {
            verdict: AgentVerdict {
                agent: p.agent,
                phase,
                event_name: p.event_name.clone(),
                violations: Vec::new(),
                notes: Vec::new(),
                context: None,
            },
            inputs: Vec::new(),
        }
    }
}

/// Runs the hook of `agent` on its payload `stdin`, from `dir` (the agent's project directory).
pub fn agent_hook(
    dir: &Path,
    agent: Agent,
    event: Option<&str>,
    stdin: &[u8],
) -> std::result::Result<Outcome, Failure> {
    let payload = agent::parse(agent, stdin, event).map_err(|e| Failure {
        agent,
        phase: Phase::Other,
        event_name: event.unwrap_or_default().to_string(),
        message: e.to_string(),
        block: false,
    })?;
    let phase = match &payload.event {
        Event::BeforeCommand { .. } | Event::BeforeEdit { .. } => Phase::Before,
        Event::AfterEdit { .. } => Phase::After,
        Event::SessionStart => Phase::SessionStart,
        Event::Stop => Phase::Stop,
        Event::Other => Phase::Other,
    };
    let cwd = match &payload.cwd {
        Some(c) if c.is_absolute() => c.clone(),
        Some(c) => dir.join(c),
        None => dir.to_path_buf(),
    };
    let cwd = if cwd.is_dir() { cwd } else { dir.to_path_buf() };
    let cwd = cwd.canonicalize().unwrap_or(cwd);
    let fail = |e: Error, block: bool| Failure {
        agent,
        phase,
        event_name: payload.event_name.clone(),
        message: super::session::redact_error(e).to_string(),
        block,
    };
    if phase == Phase::Other {
        return Ok(Outcome::new(&payload, phase));
    }
    // A commit or push about to run is not let through unjudged; anything else is.
    let commits = match &payload.event {
        Event::BeforeCommand { command } => shell::parse(command)
            .commands
            .iter()
            .filter_map(gitcmd::git_call)
            .any(|g| matches!(g.subcommand.as_deref(), Some("commit" | "push" | "merge"))),
        _ => false,
    };
    let (session, pending) = match Session::open_with_evaluator_for(&cwd, true) {
        Ok(s) => s,
        // Outside a repository there is no charter to apply.
        Err(Error::Git(crate::collect::GitError::NotARepo(_))) => {
            return Ok(Outcome::new(&payload, phase));
        }
        Err(e) => return Err(fail(e, commits)),
    };
    let run = || -> Result<Outcome> {
        let state = State::new(session.repo.git_dir());
        let model = payload
            .model
            .clone()
            .or_else(|| state.model_of(payload.session.as_deref()));
        let model = model.map(|m| {
            session
                .detectors
                .redactor()
                .quiet(Field::Preview, &m)
                .into_inner()
        });
        match &payload.event {
            Event::SessionStart => {
                state.record_session(&session, &payload, model.as_deref());
                let mut out = Outcome::new(&payload, phase);
                out.verdict.context = Some(super::agents::context(&session.charter.charter, true));
                Ok(out)
            }
            Event::Stop => {
                let mut out = Outcome::new(&payload, phase);
                out.verdict.violations = state.take_pending(agent);
                Ok(out)
            }
            Event::BeforeCommand { command } => {
                judge_command(&session, pending, &payload, model, &cwd, command)
            }
            Event::BeforeEdit { paths } => {
                judge_paths(&session, pending, &payload, model, &cwd, paths)
            }
            Event::AfterEdit { paths } => {
                let out = judge_edited(&session, pending, &payload, model.clone(), &cwd, paths)?;
                state.record_edits(&session, &payload, model.as_deref(), &out);
                if matches!(agent, Agent::Cursor | Agent::Copilot) {
                    state.add_pending(agent, &out.verdict.violations);
                }
                Ok(out)
            }
            Event::Other => Ok(Outcome::new(&payload, phase)),
        }
    };
    // Before a tool runs, a call that could not be judged (a policy over its budget on a hostile
    // command line, a bug) is refused: an agent hook that fails open is a bypass. Session start,
    // an edit already made and stop are reported and go on.
    let before = phase == Phase::Before;
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(r) => r.map_err(|e| fail(e, before)),
        Err(_) => Err(Failure {
            agent,
            phase,
            event_name: payload.event_name.clone(),
            message: "git-charter failed while judging this tool call (a bug: please report it)"
                .into(),
            block: before,
        }),
    }
}

/// The evidence an agent hook is: the agent says it makes the change.
fn agent_evidence(agent: Agent, model: Option<&str>) -> AiEvidence {
    let tool = match model {
        Some(m) => format!("{}:{m}", agent.tool_id()),
        None => agent.tool_id().to_string(),
    };
    AiEvidence {
        signature: "agent-hook".into(),
        tool,
        strength: Strength::Strong,
        location: Where::Agent,
        text: format!("{} agent hook", agent.display()),
        key: None,
    }
}

/// A lexically normalised absolute path (`..` and `.` resolved without touching the disk).
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `normalize`, then the directory part resolved on disk where it exists (`/tmp` may be a link), so
/// a path compares with the work tree's canonical root; the last component is kept as named.
fn resolve(p: &Path) -> PathBuf {
    let n = normalize(p);
    match (n.parent(), n.file_name()) {
        (Some(parent), Some(name)) => match parent.canonicalize() {
            Ok(dir) => dir.join(name),
            Err(_) => n,
        },
        _ => n.canonicalize().unwrap_or(n),
    }
}

/// Paths as an agent names them, resolved and placed: inside the work tree or not, protected or
/// not, tier and path classes.
struct Placer<'s> {
    session: &'s Session,
    root: PathBuf,
    protected: globset::GlobSet,
    /// Literal directories of the protected globs (`.git/hooks`): writing one of them, or a
    /// directory above one (`rm -rf .git`), writes what is protected.
    protected_dirs: Vec<String>,
}

impl<'s> Placer<'s> {
    fn new(session: &'s Session) -> Result<Placer<'s>> {
        let agents = &session.charter.charter.agents;
        let protected = crate::pattern::glob_set(&agents.protected_paths)
            .map_err(|e| Error::Usage(format!("agents.protected_paths: {e}")))?;
        let root = session.repo.root().to_path_buf();
        let root = root.canonicalize().unwrap_or(root);
        let mut protected_dirs: Vec<String> = agents
            .protected_paths
            .iter()
            .filter_map(|g| {
                let s = g.as_str();
                let lit: String = s
                    .split('/')
                    .take_while(|seg| !seg.contains(['*', '?', '[', '{']))
                    .collect::<Vec<_>>()
                    .join("/");
                (!lit.is_empty()).then_some(lit)
            })
            .collect();
        if agents.protect_hooks_dir
            && let Ok(h) = crate::collect::hooks::locate(&root)
        {
            let hooks = h.path.canonicalize().unwrap_or(h.path);
            if let Ok(rel) = hooks.strip_prefix(&root) {
                protected_dirs.push(rel.to_string_lossy().into_owned());
            }
        }
        Ok(Placer {
            session,
            root,
            protected,
            protected_dirs,
        })
    }

    fn place(&self, base: &Path, cwd: Option<&str>, path: &str) -> AgentPath {
        let mut start = base.to_path_buf();
        if let Some(d) = cwd {
            if d.starts_with('/') {
                start = PathBuf::from(d);
            } else if !d.starts_with('~') && !d.starts_with('$') {
                start = start.join(d);
            }
        }
        let p = Path::new(path);
        let abs = resolve(&if p.is_absolute() {
            p.to_path_buf()
        } else {
            start.join(p)
        });
        let redactor = self.session.detectors.redactor();
        match abs.strip_prefix(&self.root) {
            Ok(rel) => {
                let rel = rel.to_string_lossy().replace('\\', "/");
                let protected = self.protected.is_match(&rel)
                    || self.protected_dirs.iter().any(|d| {
                        rel == *d
                            || d.starts_with(&format!("{rel}/"))
                            || rel.starts_with(&format!("{d}/"))
                    });
                let classifier = self.session.detectors.classifier();
                AgentPath {
                    tier: classifier.tier(&rel),
                    classes: classifier.classify(&rel, b""),
                    path: redactor.quiet(Field::Path, &rel).into_inner(),
                    inside: true,
                    protected,
                }
            }
            Err(_) => AgentPath {
                path: redactor
                    .quiet(Field::Path, &abs.to_string_lossy())
                    .into_inner(),
                inside: false,
                ..AgentPath::default()
            },
        }
    }
}

/// The `agent` stage's input document for a tool call: no files, the agent as AI evidence.
fn agent_input(session: &Session, call: AgentCall, evidence: AiEvidence) -> Input {
    let git = session.git_settings();
    let mut commit = session.commit_facts(None, git.author.clone(), git.committer.clone());
    commit.ai_evidence.insert(0, evidence);
    let analysis = super::session::Analysis::default();
    let mut input = session.input(Stage::Agent, &session.repo.head_info(), commit, analysis);
    input.agent = Some(call);
    input
}

fn judge_command(
    session: &Session,
    pending: PendingEvaluator,
    payload: &Payload,
    model: Option<String>,
    cwd: &Path,
    command: &str,
) -> Result<Outcome> {
    let mut out = Outcome::new(payload, Phase::Before);
    let placer = Placer::new(session)?;
    let mut script = shell::parse(command);
    // `git rebase -x CMD` runs CMD through a shell after each commit: read it as a script too.
    let execs: Vec<String> = script
        .commands
        .iter()
        .filter_map(gitcmd::git_call)
        .filter(|g| g.subcommand.as_deref() == Some("rebase"))
        .filter_map(|g| {
            g.options
                .get("exec")
                .and_then(|v| v.as_str())
                .map(str::to_string)
        })
        .collect();
    for e in execs {
        let inner = shell::parse(&e);
        script
            .commands
            .extend(inner.commands.into_iter().map(|mut c| {
                c.via.insert(0, "git rebase -x".into());
                c
            }));
        if script.error.is_none() {
            script.error = inner.error;
        }
    }
    let redactor = session.detectors.redactor();
    let quiet = |s: &str| redactor.quiet(Field::Preview, s).into_inner();
    let mut commands = Vec::with_capacity(script.commands.len());
    let mut proposed: Vec<(GitCall, Option<String>)> = Vec::new();
    for c in &script.commands {
        let git = gitcmd::git_call(c);
        if let Some(g) = &git
            && g.subcommand.as_deref() == Some("commit")
        {
            proposed.push((g.clone(), c.cwd.clone()));
        }
        let writes = gitcmd::touched(c)
            .iter()
            .map(|p| placer.place(cwd, c.cwd.as_deref(), p))
            .collect();
        commands.push(AgentSimpleCommand {
            argv: c.argv.iter().map(|a| quiet(a)).collect(),
            env: c.env.iter().map(|(k, v)| (quiet(k), quiet(v))).collect(),
            via: c.via.iter().map(|v| quiet(v)).collect(),
            cwd: c.cwd.as_deref().map(|d| placer.place(cwd, None, d).path),
            git: git.map(|g| redact_git(g, &quiet)),
            writes,
        });
    }
    let call = AgentCall {
        agent: payload.agent.tool_id().to_string(),
        model: model.clone(),
        event: "command".into(),
        tool: payload.tool_name.clone(),
        command: Some(AgentCommand {
            text: quiet(command),
            error: script.error.as_deref().map(quiet),
            commands,
        }),
        paths: Vec::new(),
    };
    let evidence = agent_evidence(payload.agent, model.as_deref());
    let input = agent_input(session, call, evidence.clone());
    let mut evaluator = pending.wait()?;
    out.verdict.violations = session.judge(&mut evaluator, &input)?.violations;
    out.inputs.push(input);
    if session.charter.charter.agents.judge_commits {
        for (call, dir) in proposed.iter().take(4) {
            let (violations, note, input) = judge_proposed(
                session,
                &mut evaluator,
                call,
                cwd,
                dir.as_deref(),
                &evidence,
            )?;
            out.verdict.violations.extend(violations);
            out.verdict.notes.extend(note);
            out.inputs.extend(input);
        }
    }
    Ok(out)
}

/// Redacts every string of a git invocation.
fn redact_git(mut g: GitCall, quiet: &dyn Fn(&str) -> String) -> GitCall {
    g.subcommand = g.subcommand.map(|s| quiet(&s));
    g.options = g.options.into_iter().map(|(k, v)| (quiet(&k), v)).collect();
    for s in &mut g.config {
        s.key = quiet(&s.key);
    }
    for w in &mut g.config_writes {
        w.key = quiet(&w.key);
        w.scope = quiet(&w.scope);
    }
    for s in &mut g.config {
        s.value = quiet(&s.value);
    }
    g.options = g
        .options
        .into_iter()
        .map(|(k, v)| match v {
            serde_json::Value::String(s) => (k, serde_json::Value::String(quiet(&s))),
            other => (k, other),
        })
        .collect();
    g.args = g.args.iter().map(|a| quiet(a)).collect();
    g.messages = g.messages.iter().map(|a| quiet(a)).collect();
    g.trailers = g.trailers.iter().map(|a| quiet(a)).collect();
    g.message_file = g.message_file.map(|s| quiet(&s));
    g.dir = g.dir.map(|s| quiet(&s));
    for w in &mut g.config_writes {
        w.value = w.value.as_deref().map(quiet);
    }
    g
}

/// The most of a `-F` message file read (git's own limit is memory; a message is a few KiB).
const MESSAGE_FILE_LIMIT: u64 = 1 << 20;

/// Judges a `git commit` before it runs: what it would commit, with the message it would record,
/// by the policies of the hook git would run (commit-msg with a message, pre-commit without).
fn judge_proposed(
    session: &Session,
    evaluator: &mut crate::policy::Evaluator,
    call: &GitCall,
    base: &Path,
    cwd: Option<&str>,
    evidence: &AiEvidence,
) -> Result<(Vec<Violation>, Option<String>, Option<Input>)> {
    let dir = match cwd {
        Some(d) if d.starts_with('/') => PathBuf::from(d),
        Some(d) if !d.starts_with('~') && !d.starts_with('$') => base.join(d),
        _ => base.to_path_buf(),
    };
    let dir = match &call.dir {
        Some(c) if c.starts_with('/') => PathBuf::from(c),
        Some(c) => dir.join(c),
        None => dir,
    };
    let root = session.repo.root();
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if !resolve(&dir).starts_with(&root) {
        return Ok((
            Vec::new(),
            Some("a commit in another directory was not judged here: its repository's hooks judge it".into()),
            None,
        ));
    }
    let message = match proposed_message(session, call, &dir)? {
        Ok(m) => m,
        Err(note) => return Ok((Vec::new(), Some(note), None)),
    };
    let scope = if call.options.contains_key("all") {
        Scope::All
    } else if !call.args.is_empty() {
        Scope::Paths(
            call.args
                .iter()
                .map(|a| {
                    let abs = resolve(&dir.join(a));
                    abs.strip_prefix(&root)
                        .map(|r| r.to_string_lossy().into_owned())
                        .unwrap_or_else(|_| a.clone())
                })
                .collect(),
        )
    } else {
        Scope::Index
    };
    let limits = &session.charter.charter.limits;
    let amend = call.options.contains_key("amend");
    let changes = match session
        .repo
        .proposed(limits.max_file_size, limits.max_files, amend, &scope)
    {
        Ok(c) => c,
        Err(crate::collect::GitError::TooManyFiles { files, max }) => {
            let e = Error::TooLarge {
                what: "the proposed commit".into(),
                files,
                max,
            };
            return Ok((too_large_verdict(&session.charter.charter, e)?, None, None));
        }
        Err(e) => return Err(e.into()),
    };
    let analysis = if scope == Scope::Index && !amend {
        session.analyze_staged(&changes)
    } else {
        session.detectors.analyze(&changes)
    };
    let git = session.git_settings();
    let author = call
        .options
        .get("author")
        .and_then(|v| v.as_str())
        .and_then(Ident::parse)
        .or_else(|| git.author.clone());
    let stage = if message.is_some() {
        Stage::CommitMsg
    } else {
        Stage::PreCommit
    };
    let mut commit = session.commit_facts(message, author, git.committer.clone());
    commit.ai_evidence.insert(0, evidence.clone());
    let input = session.input(stage, &session.repo.head_info(), commit, analysis);
    let mut violations = session.judge(evaluator, &input)?.violations;
    for v in &mut violations {
        v.message = format!("proposed commit: {}", v.message);
    }
    let note = format!(
        "the proposed commit ({}) was judged with the {stage} policies",
        match &scope {
            Scope::Index => "the staged changes".to_string(),
            Scope::All => "the staged changes and every tracked file's changes (-a)".to_string(),
            Scope::Paths(p) => format!("{} path(s) given", p.len()),
        }
    );
    Ok((violations, Some(note), Some(input)))
}

/// The message a `git commit` would record, cleaned up as git will, trailers (`--trailer`,
/// `--signoff`) added by git itself: `Ok(None)` when the editor would write it (then only the
/// content is judged), `Err(note)` when it cannot be known here.
fn proposed_message(
    session: &Session,
    call: &GitCall,
    dir: &Path,
) -> Result<std::result::Result<Option<String>, String>> {
    let unknown = |m: &str| m.contains(crate::detect::shell::UNKNOWN);
    if call.messages.iter().any(|m| unknown(m)) {
        return Ok(Err(
            "the message comes from a command substitution that cannot be read here: the commit-msg hook judges it when the commit runs".into(),
        ));
    }
    let raw = if !call.messages.is_empty() {
        call.messages.join("\n\n")
    } else if let Some(f) = &call.message_file {
        if f == "-" {
            return Ok(Err(
                "the message comes from stdin (-F -): the commit-msg hook judges it when the commit runs".into(),
            ));
        }
        let path = dir.join(f);
        match crate::fsutil::read_regular(&path, MESSAGE_FILE_LIMIT) {
            Ok(Ok(bytes)) => String::from_utf8_lossy(&bytes).into_owned(),
            _ => {
                return Ok(Err(
                    "the message file given with -F cannot be read here: the commit-msg hook judges it when the commit runs".to_string(),
                ));
            }
        }
    } else if call.options.contains_key("reuse-message")
        || call.options.contains_key("reedit-message")
        || call.options.contains_key("fixup")
        || call.options.contains_key("squash")
        || (call.options.contains_key("amend") && call.options.contains_key("no-edit"))
    {
        return Ok(Err(
            "the message is taken from another commit: the commit-msg hook judges it when the commit runs".into(),
        ));
    } else {
        return Ok(Ok(None));
    };
    let mut trailers: Vec<String> = call.trailers.clone();
    if call.options.contains_key("signoff")
        && let Some(c) = &session.git_settings().committer
    {
        trailers.push(format!("Signed-off-by: {c}"));
    }
    let raw = if trailers.is_empty() {
        raw
    } else {
        crate::collect::interpret_trailers(session.repo.root(), &raw, &trailers)
            .unwrap_or_else(|| format!("{}\n\n{}\n", raw.trim_end(), trailers.join("\n")))
    };
    // `-m` and `-F` without `-e` clean up whitespace only (comment lines stay), like git.
    let edit = call.options.contains_key("edit");
    Ok(Ok(Some(if edit {
        session.message_from_text(&raw)
    } else {
        crate::detect::message::cleanup(&raw, "")
    })))
}

fn judge_paths(
    session: &Session,
    pending: PendingEvaluator,
    payload: &Payload,
    model: Option<String>,
    cwd: &Path,
    paths: &[String],
) -> Result<Outcome> {
    let mut out = Outcome::new(payload, Phase::Before);
    let placer = Placer::new(session)?;
    let call = AgentCall {
        agent: payload.agent.tool_id().to_string(),
        model: model.clone(),
        event: "edit".into(),
        tool: payload.tool_name.clone(),
        command: None,
        paths: paths.iter().map(|p| placer.place(cwd, None, p)).collect(),
    };
    let input = agent_input(
        session,
        call,
        agent_evidence(payload.agent, model.as_deref()),
    );
    let mut evaluator = pending.wait()?;
    out.verdict.violations = session.judge(&mut evaluator, &input)?.violations;
    out.inputs.push(input);
    Ok(out)
}

fn judge_edited(
    session: &Session,
    pending: PendingEvaluator,
    payload: &Payload,
    model: Option<String>,
    cwd: &Path,
    paths: &[String],
) -> Result<Outcome> {
    let mut out = Outcome::new(payload, Phase::After);
    let placer = Placer::new(session)?;
    let placed: Vec<AgentPath> = paths.iter().map(|p| placer.place(cwd, None, p)).collect();
    // Paths as git names them, unredacted, for reading the files.
    let rel: Vec<String> = paths
        .iter()
        .filter_map(|p| {
            let abs = resolve(&cwd.join(p));
            abs.strip_prefix(&placer.root)
                .ok()
                .map(|r| r.to_string_lossy().replace('\\', "/"))
        })
        .filter(|r| !r.is_empty())
        .collect();
    let limits = &session.charter.charter.limits;
    let changes = if rel.is_empty() {
        crate::collect::ChangeSet::default()
    } else {
        session.repo.edited(&rel, limits.max_file_size)?
    };
    let analysis = session.detectors.analyze(&changes);
    let git = session.git_settings();
    let mut commit = session.commit_facts(None, git.author.clone(), git.committer.clone());
    commit
        .ai_evidence
        .insert(0, agent_evidence(payload.agent, model.as_deref()));
    let mut input = session.input(Stage::Agent, &session.repo.head_info(), commit, analysis);
    input.agent = Some(AgentCall {
        agent: payload.agent.tool_id().to_string(),
        model,
        event: "edited".into(),
        tool: payload.tool_name.clone(),
        command: None,
        paths: placed,
    });
    let mut evaluator = pending.wait()?;
    out.verdict.violations = session.judge(&mut evaluator, &input)?.violations;
    out.inputs.push(input);
    Ok(out)
}

/// The agent hooks' records under `<git dir>/charter/agent/`.
struct State {
    dir: PathBuf,
}

/// How long an edit record counts for `prepare-commit-msg`, and how many are kept.
const EDIT_TTL_SECS: u64 = 30 * 24 * 3600;
const MAX_EDITS: usize = 4096;
const MAX_SESSIONS: usize = 256;
const MAX_PENDING: usize = 200;
/// The most of a record file read back.
const STATE_LIMIT: u64 = 4 << 20;

#[derive(Debug, Default, Serialize, Deserialize)]
struct Sessions {
    version: u32,
    sessions: Vec<SessionRecord>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct SessionRecord {
    /// SHA-256 of the agent's session id (the id itself is not kept).
    id: String,
    agent: String,
    model: Option<String>,
    at: u64,
}

/// The files agents edited, for `prepare-commit-msg`.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Edits {
    pub version: u32,
    pub edits: Vec<EditRecord>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EditRecord {
    /// Relative to the work tree's root (redacted).
    pub path: String,
    /// `claude-code`, `codex`, …
    pub agent: String,
    pub model: Option<String>,
    /// Seconds since the epoch.
    pub at: u64,
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn digest(s: &str) -> String {
    use sha2::{Digest, Sha256};
    let h = Sha256::digest(s.as_bytes());
    h.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

impl State {
    fn new(git_dir: &Path) -> State {
        State {
            dir: state_dir(git_dir),
        }
    }

    fn read<T: for<'de> Deserialize<'de> + Default>(&self, name: &str) -> T {
        read_json(&self.dir.join(name)).unwrap_or_default()
    }

    /// Writes a record file; a failure to write is not the agent's problem (the records only help).
    fn write<T: Serialize>(&self, name: &str, value: &T) {
        if std::fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        if let Ok(text) = serde_json::to_vec_pretty(value) {
            let _ = crate::fsutil::write_atomic(
                &self.dir.join(name),
                &text,
                crate::fsutil::WriteOptions::REPLACE,
            );
        }
    }

    fn model_of(&self, session: Option<&str>) -> Option<String> {
        let id = digest(session?);
        let s: Sessions = self.read("sessions.json");
        s.sessions
            .into_iter()
            .rev()
            .find(|r| r.id == id)
            .and_then(|r| r.model)
    }

    fn record_session(&self, session: &Session, p: &Payload, model: Option<&str>) {
        let Some(id) = p.session.as_deref() else {
            return;
        };
        let mut s: Sessions = self.read("sessions.json");
        let id = digest(id);
        s.sessions.retain(|r| r.id != id);
        s.sessions.push(SessionRecord {
            id,
            agent: p.agent.tool_id().into(),
            model: model.map(|m| {
                session
                    .detectors
                    .redactor()
                    .quiet(Field::Preview, m)
                    .into_inner()
            }),
            at: now(),
        });
        let excess = s.sessions.len().saturating_sub(MAX_SESSIONS);
        s.sessions.drain(..excess);
        s.version = 1;
        self.write("sessions.json", &s);
    }

    fn record_edits(&self, session: &Session, p: &Payload, model: Option<&str>, out: &Outcome) {
        let Some(paths) = out
            .inputs
            .first()
            .and_then(|i| i.agent.as_ref())
            .map(|a| a.paths.clone())
        else {
            return;
        };
        let _ = session;
        let mut e: Edits = self.read("edits.json");
        let t = now();
        e.edits.retain(|r| t.saturating_sub(r.at) < EDIT_TTL_SECS);
        for path in paths.into_iter().filter(|p| p.inside) {
            e.edits
                .retain(|r| !(r.path == path.path && r.agent == p.agent.tool_id()));
            e.edits.push(EditRecord {
                path: path.path,
                agent: p.agent.tool_id().into(),
                model: model.map(str::to_string),
                at: t,
            });
        }
        let excess = e.edits.len().saturating_sub(MAX_EDITS);
        e.edits.drain(..excess);
        e.version = 1;
        self.write("edits.json", &e);
    }

    fn add_pending(&self, agent: Agent, violations: &[Violation]) {
        if violations.is_empty() {
            return;
        }
        let name = format!("pending-{agent}.json");
        let mut v: Vec<Violation> = self.read(&name);
        v.extend(violations.iter().cloned());
        let excess = v.len().saturating_sub(MAX_PENDING);
        v.drain(..excess);
        self.write(&name, &v);
    }

    fn take_pending(&self, agent: Agent) -> Vec<Violation> {
        let path = self.dir.join(format!("pending-{agent}.json"));
        let v: Vec<Violation> = read_json(&path).unwrap_or_default();
        let _ = std::fs::remove_file(&path);
        v
    }
}

/// `<git dir>/charter/agent`.
pub fn state_dir(git_dir: &Path) -> PathBuf {
    git_dir.join("charter").join("agent")
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Option<T> {
    let bytes = crate::fsutil::read_regular(path, STATE_LIMIT).ok()?.ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// The edit records of a repository (`prepare-commit-msg`).
pub fn edit_records(git_dir: &Path) -> Edits {
    read_json(&state_dir(git_dir).join("edits.json")).unwrap_or_default()
}

/// The document `input --stage agent` cannot build: say where it comes from.
pub fn no_stage_input() -> Error {
    Error::Usage(
        "the agent stage's document is built from an agent's payload: \
         git charter agent-hook AGENT --print-input < payload.json"
            .into(),
    )
}

/// `prepare-commit-msg` (opt-in): when agent hooks recorded edits, since the last commit, to
/// files that are staged now, and the message has no disclosure yet, adds the charter's
/// disclosure trailer (`disclosure.suggest`) naming each agent and model, through
/// `git interpret-trailers`, written back atomically. Returns the trailers added.
pub fn prepare_commit_msg(dir: &Path, file: &Path, source: Option<&str>) -> Result<Vec<String>> {
    if matches!(source, Some("merge" | "squash" | "commit")) {
        return Ok(Vec::new());
    }
    let session = Session::open(dir)?;
    let raw = crate::collect::read_message_file(file)?;
    let cleaned = session.message_from_text(&raw);
    let commit = session.commit_facts(Some(cleaned), None, None);
    let charter = &session.charter.charter;
    let keys: Vec<String> = charter
        .disclosure
        .trailers
        .iter()
        .map(|k| k.to_ascii_lowercase())
        .collect();
    if commit
        .trailers
        .iter()
        .any(|t| keys.contains(&t.key.to_ascii_lowercase()))
    {
        return Ok(Vec::new());
    }
    let staged = session.staged()?;
    let since = session.repo.head_time().unwrap_or(0);
    let edits = edit_records(session.repo.git_dir());
    let mut tools: Vec<String> = Vec::new();
    for e in edits.edits.iter().rev() {
        if e.at < since || !staged.files.iter().any(|f| f.path == e.path) {
            continue;
        }
        let value = match &e.model {
            Some(m) => format!("{}:{m}", e.agent),
            None => e.agent.clone(),
        };
        if !tools.contains(&value) {
            tools.push(value);
        }
    }
    if tools.is_empty() {
        return Ok(Vec::new());
    }
    let redactor = session.detectors.redactor();
    let trailers: Vec<String> = tools
        .iter()
        .map(|t| {
            let line = charter.disclosure.suggest.replace("{tool}", t);
            redactor.quiet(Field::Message, &line).into_inner()
        })
        .collect();
    let updated = crate::collect::interpret_trailers(session.repo.root(), &raw, &trailers)
        .unwrap_or_else(|| append_before_comments(&raw, &trailers));
    crate::fsutil::write_atomic(
        file,
        updated.as_bytes(),
        crate::fsutil::WriteOptions::REPLACE,
    )
    .map_err(|e| Error::io(file, e))?;
    Ok(trailers)
}

/// Without git: the trailers as a paragraph of their own, before git's trailing comment lines.
fn append_before_comments(raw: &str, trailers: &[String]) -> String {
    let lines: Vec<&str> = raw.split_inclusive('\n').collect();
    let mut end = lines.len();
    while end > 0 && (lines[end - 1].starts_with('#') || lines[end - 1].trim().is_empty()) {
        end -= 1;
    }
    let body: String = lines[..end].concat();
    let rest: String = lines[end..].concat();
    format!(
        "{}\n\n{}\n{}{rest}",
        body.trim_end(),
        trailers.join("\n"),
        if rest.is_empty() { "" } else { "\n" }
    )
}

/// The MCP server's `check_change`: the staged changes, or a proposed unified diff instead, with
/// a proposed message or none, judged like the hook git would run (commit-msg with a message,
/// pre-commit without). `tool` (`AGENT:MODEL`) declares who writes the change: AI evidence.
pub fn judge_change(
    dir: &Path,
    diff: Option<&str>,
    message: Option<&str>,
    tool: Option<&str>,
) -> Result<crate::report::Report> {
    use crate::report::{Report, Suppressed, Totals};
    let (session, pending) = Session::open_with_evaluator_for(dir, true)?;
    let limits = &session.charter.charter.limits;
    let changes = match diff {
        Some(d) => crate::collect::from_unified_diff(d, limits.max_files as usize)
            .map_err(|e| Error::Usage(format!("the diff: {e}")))?,
        None => session.staged()?,
    };
    let analysis = match diff {
        None => session.analyze_staged(&changes),
        Some(_) => session.detectors.analyze(&changes),
    };
    let baselined = analysis.baselined;
    let message = message.map(|m| session.message_from_text(m));
    let stage = if message.is_some() {
        Stage::CommitMsg
    } else {
        Stage::PreCommit
    };
    let git = session.git_settings();
    let mut commit = session.commit_facts(message, git.author.clone(), git.committer.clone());
    if let Some(t) = tool.map(str::trim).filter(|t| !t.is_empty()) {
        let redactor = session.detectors.redactor();
        commit.ai_evidence.insert(
            0,
            AiEvidence {
                signature: "mcp".into(),
                tool: redactor.quiet(Field::Preview, t).into_inner(),
                strength: Strength::Strong,
                location: Where::Agent,
                text: "declared through git-charter's MCP server".into(),
                key: None,
            },
        );
    }
    let input = session.input(stage, &session.repo.head_info(), commit, analysis);
    let mut evaluator = pending.wait()?;
    let judged = session.judge(&mut evaluator, &input)?;
    let nothing = input.files.is_empty().then(|| {
        if diff.is_some() {
            "the diff changes no file".to_string()
        } else {
            "nothing staged".to_string()
        }
    });
    let mut suppressed = Suppressed::of(&input, None);
    suppressed.extend(Suppressed::waived(judged.waived, None));
    let totals = Totals {
        subjects: Vec::new(),
        violations: judged.violations,
        suppressed,
        stats: input.stats,
        commits: 0,
        baselined,
    };
    Ok(Report::new(
        stage,
        totals,
        nothing,
        super::session::rule_infos(&evaluator),
    )
    .with_switched_off(super::session::switched_off(&session.charter.charter)))
}

/// What the charter asks of a change to one path (the MCP server's `path_requirements`).
#[derive(Debug, Clone, Serialize)]
pub struct Requirements {
    pub path: String,
    pub tier: String,
    /// The classes the path alone puts it in (content can add more).
    pub classes: Vec<String>,
    /// Whether an agent may not write it (`agents.protected_paths`, the hooks directory).
    pub protected: bool,
    /// What an AI-assisted change there needs, one sentence each.
    pub rules: Vec<String>,
}

pub fn requirements(dir: &Path, path: &str) -> Result<Requirements> {
    use crate::config::review::AiRule;
    let session = Session::open(dir)?;
    let placer = Placer::new(&session)?;
    let placed = placer.place(&placer.root.clone(), None, path);
    let c = &session.charter.charter;
    let reviews = |count: u32, trailers: &[String]| {
        let keys = if trailers.is_empty() {
            &c.review.trailers
        } else {
            trailers
        };
        format!(
            "{count} review(s) by people other than the author, not AI identities ({})",
            keys.iter()
                .map(|k| format!("{k}:"))
                .collect::<Vec<_>>()
                .join(" or ")
        )
    };
    let rule = |what: String, ai: AiRule, count: u32, trailers: &[String], always: bool| match ai {
        AiRule::Forbid => Some(format!("{what}: AI-assisted changes are refused")),
        AiRule::Review => Some(format!(
            "{what}: an AI-assisted change needs {}",
            reviews(count, trailers)
        )),
        AiRule::Disclose => Some(format!(
            "{what}: an AI-assisted change must carry a disclosure trailer"
        )),
        AiRule::Allow if always => Some(format!(
            "{what}: every change needs {}",
            reviews(count, trailers)
        )),
        AiRule::Allow => None,
    };
    let mut rules = Vec::new();
    if placed.protected {
        rules.push("agents may not write this path (agents.protected_paths)".to_string());
    }
    let tier = c
        .tiers
        .defs()
        .into_iter()
        .find(|(n, _)| n.as_str() == placed.tier);
    if let Some((name, def)) = tier {
        rules.extend(rule(
            format!("tier {}", name.as_str()),
            def.ai,
            def.review.count,
            &def.review.trailers,
            def.review.always,
        ));
    }
    for class in &placed.classes {
        if let Some(def) = c.classes.get(class) {
            rules.extend(rule(
                format!("class {class}"),
                def.ai,
                def.review.count,
                &def.review.trailers,
                def.review.always,
            ));
        }
    }
    rules.push(format!(
        "disclose AI help with `{}`",
        c.disclosure.suggest.replace("{tool}", "<tool>:<model>")
    ));
    Ok(Requirements {
        path: placed.path,
        tier: placed.tier,
        classes: placed.classes,
        protected: placed.protected,
        rules,
    })
}
