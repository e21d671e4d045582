//! Setting agents up: `agent install|uninstall <tool>` (git-charter's entries merged into that
//! agent's hook configuration, everything else in it kept as written), `agent-context` (the
//! charter rendered as instructions an agent reads, between markers, `--check` for CI) and
//! `doctor` (which git hooks and agents of the repository are covered).

use super::session::{Session, charter_root};
use crate::collect::agent::Agent;
use crate::config::{AgentsConfig, Charter, TierName, review::AiRule};
use crate::error::{Error, Result};
use crate::fsutil::{self, WriteOptions};
pub use crate::model::{Check, ConfigAction, ContextState};
use indexmap::IndexMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------- agent-context

/// The markers around the generated section; text outside them is the team's.
pub const BEGIN: &str = "<!-- git-charter:begin — generated from .charter/charter.yaml by `git charter agent-context --write`; edit the charter, not this section -->";
pub const END: &str = "<!-- git-charter:end -->";

/// Where each agent reads its project instructions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ContextTarget {
    /// `AGENTS.md` (Codex, Cursor, Copilot, Gemini and most others read it).
    Agents,
    /// `CLAUDE.md`.
    Claude,
    /// `GEMINI.md`.
    Gemini,
    /// `.cursor/rules/git-charter.mdc` (a rule file of its own, always applied).
    Cursor,
    /// `.github/copilot-instructions.md`.
    Copilot,
}

impl ContextTarget {
    pub const ALL: [ContextTarget; 5] = [
        ContextTarget::Agents,
        ContextTarget::Claude,
        ContextTarget::Gemini,
        ContextTarget::Cursor,
        ContextTarget::Copilot,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ContextTarget::Agents => "agents",
            ContextTarget::Claude => "claude",
            ContextTarget::Gemini => "gemini",
            ContextTarget::Cursor => "cursor",
            ContextTarget::Copilot => "copilot",
        }
    }

    pub fn file(self) -> &'static str {
        match self {
            ContextTarget::Agents => "AGENTS.md",
            ContextTarget::Claude => "CLAUDE.md",
            ContextTarget::Gemini => "GEMINI.md",
            ContextTarget::Cursor => ".cursor/rules/git-charter.mdc",
            ContextTarget::Copilot => ".github/copilot-instructions.md",
        }
    }
}

impl std::str::FromStr for ContextTarget {
    type Err = crate::model::UnknownValue;
    fn from_str(s: &str) -> std::result::Result<ContextTarget, Self::Err> {
        ContextTarget::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| crate::model::UnknownValue(s.to_string()))
    }
}

fn code_list(items: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    items
        .into_iter()
        .map(|s| format!("`{}`", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn reviews(count: u32, trailers: &[String], default: &[String]) -> String {
    let keys = if trailers.is_empty() {
        default
    } else {
        trailers
    };
    let keys = if keys.is_empty() {
        vec!["Reviewed-by".to_string()]
    } else {
        keys.to_vec()
    };
    format!(
        "{count} review{} by someone other than the author and not an AI ({} trailer{})",
        if count == 1 { "" } else { "s" },
        keys.iter()
            .map(|k| format!("`{k}:`"))
            .collect::<Vec<_>>()
            .join(" or "),
        if keys.len() == 1 { "" } else { "s" },
    )
}

/// The charter as instructions for an agent. `brief`: for a session's context (no heading).
pub fn context(c: &Charter, brief: bool) -> String {
    let mut s = String::new();
    if !brief {
        s.push_str("## AI-coding charter (enforced by git-charter)\n\n");
    }
    s.push_str(
        "This repository's charter is enforced by git-charter in the git hooks, in CI and in \
         the agent hooks: a commit that breaks it is refused. Follow these rules when you write \
         code or commit:\n\n",
    );
    let d = &c.disclosure;
    let example = d.suggest.replace("{tool}", "<tool>:<model>");
    let _ = writeln!(
        s,
        "- **Disclose AI help.** End the message of every commit you make with the trailer \
         `{example}`, naming your tool and model (for example `{}`){}.",
        d.suggest.replace("{tool}", "claude-code:claude-sonnet-4-6"),
        match &d.value_pattern {
            Some(p) => format!("; the value must match `{}`", p.as_str()),
            None => String::new(),
        }
    );
    if d.require_dco {
        s.push_str("- **Sign off** every commit (`git commit -s`): the charter requires a `Signed-off-by:` from the author.\n");
    }
    s.push_str(
        "- **Never bypass the checks.** Do not use `git commit --no-verify` (`-n`), `git push \
         --no-verify`, `-c core.hooksPath=…`, `SKIP=…`, `HUSKY=0` or `LEFTHOOK=0`, and do not \
         uninstall the hooks. When a hook refuses a commit, fix what it reports.\n",
    );
    let AgentsConfig {
        protected_paths,
        require_signed_commits,
        ..
    } = &c.agents;
    if !protected_paths.is_empty() {
        let _ = writeln!(
            s,
            "- **Do not edit** {} (the hooks and the charter itself are changed by people).",
            code_list(protected_paths.iter().map(|g| g.as_str()))
        );
    }
    if *require_signed_commits {
        s.push_str(
            "- **Sign commits**: never pass `--no-gpg-sign` or `-c commit.gpgsign=false`.\n",
        );
    }
    let default_review = &c.review.trailers;
    let mut forbid = Vec::new();
    let mut review = Vec::new();
    let mut disclose = Vec::new();
    for (name, def) in &c.classes {
        if !def.enabled {
            continue;
        }
        let what = if def.description.is_empty() {
            format!("`{name}`")
        } else {
            let desc: String = def
                .description
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            format!("`{name}` — {}", desc.trim_end_matches('.'))
        };
        match def.ai {
            AiRule::Forbid => forbid.push(what),
            AiRule::Review => review.push(format!(
                "{what}. Needs {}",
                reviews(def.review.count, &def.review.trailers, default_review)
            )),
            AiRule::Disclose => disclose.push(what),
            AiRule::Allow => {}
        }
    }
    if !forbid.is_empty() {
        let _ = writeln!(
            s,
            "- **Do not write code of these classes** (the charter closes them to AI-assisted \
             changes; leave them to a person): {}.",
            forbid.join("; ")
        );
    }
    if !review.is_empty() {
        s.push_str("- **Code that needs human review** when AI helped write it:\n");
        for r in &review {
            let _ = writeln!(s, "  - {r}.");
        }
    }
    if !disclose.is_empty() {
        let _ = writeln!(
            s,
            "- **Always disclose** AI help for changes to {}.",
            disclose.join("; ")
        );
    }
    for (tier, def) in c.tiers.defs() {
        if def.paths.is_empty() {
            continue;
        }
        let rule = match def.ai {
            AiRule::Forbid => "AI-assisted changes are refused".to_string(),
            AiRule::Review => format!(
                "AI-assisted changes need {}",
                reviews(def.review.count, &def.review.trailers, default_review)
            ),
            AiRule::Disclose => "AI-assisted changes must be disclosed".to_string(),
            AiRule::Allow if def.review.always => format!(
                "every change needs {}",
                reviews(def.review.count, &def.review.trailers, default_review)
            ),
            AiRule::Allow => match tier {
                TierName::Experimental => "AI-generated changes are welcome".to_string(),
                _ => "the disclosure rules apply".to_string(),
            },
        };
        let mut paths: Vec<&str> = def.paths.iter().map(|g| g.as_str()).collect();
        let more = paths.len().saturating_sub(12);
        paths.truncate(12);
        let _ = writeln!(
            s,
            "- **{} paths** ({}{}): {rule}.",
            capitalise(tier.as_str()),
            code_list(paths),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        );
    }
    s.push_str(
        "- **No secrets in code, messages or file names.** Read credentials from the \
         environment or the secret store; a key in a commit is refused.\n",
    );
    if c.dependencies.typosquat != crate::config::insecure::Action::Off {
        s.push_str(
            "- **Dependencies:** add only packages you know exist under that exact name, pin \
             them as the project does and update the lockfile in the same commit.\n",
        );
    }
    s.push_str(
        "\n`git charter explain <ID>` explains a refusal; `git charter input` shows what the \
         policies see.\n",
    );
    s
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The generated section with its markers.
pub fn section(c: &Charter) -> String {
    format!("{BEGIN}\n{}{END}\n", context(c, false))
}

/// A target file's text with the section put in place: between existing markers, else appended.
fn with_section(target: ContextTarget, existing: Option<&str>, section: &str) -> String {
    if target == ContextTarget::Cursor {
        // A rule file of its own: front matter that applies it everywhere, then the section.
        return format!(
            "---\ndescription: The team's AI-coding charter, enforced by git-charter\nalwaysApply: true\n---\n{section}"
        );
    }
    match existing {
        None => section.to_string(),
        Some(text) => match (text.find(BEGIN_PREFIX), text.find(END)) {
            (Some(b), Some(e)) if e > b => {
                let after = &text[e + END.len()..];
                let after = after.strip_prefix('\n').unwrap_or(after);
                format!("{}{section}{after}", &text[..b])
            }
            _ => {
                let sep = if text.is_empty() || text.ends_with("\n\n") {
                    ""
                } else if text.ends_with('\n') {
                    "\n"
                } else {
                    "\n\n"
                };
                format!("{text}{sep}{section}")
            }
        },
    }
}

/// The begin marker's stable start (its explanation may change between versions).
const BEGIN_PREFIX: &str = "<!-- git-charter:begin";

/// `agent-context`: with `write`, puts the section in place in each target; with `check`, reports
/// the targets whose section is missing or differs from the charter; else returns the section.
pub fn agent_context(
    dir: &Path,
    targets: &[ContextTarget],
    write: bool,
    check: bool,
) -> Result<(String, Vec<ContextState>)> {
    let session = Session::open(dir)?;
    let sec = section(&session.charter.charter);
    if !write && !check {
        return Ok((sec, Vec::new()));
    }
    let root = session.repo.root().to_path_buf();
    let mut states = Vec::new();
    for &t in targets {
        let path = root.join(t.file());
        let existing = match fsutil::read_regular(&path, 8 << 20) {
            Ok(Ok(bytes)) => Some(String::from_utf8_lossy(&bytes).into_owned()),
            Ok(Err(_)) => {
                return Err(Error::Usage(format!(
                    "{}: not a regular file of at most 8 MiB; not touched",
                    path.display()
                )));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(Error::io(&path, e)),
        };
        let wanted = with_section(t, existing.as_deref(), &sec);
        if existing.as_deref() == Some(wanted.as_str()) {
            states.push(ContextState::UpToDate(path));
            continue;
        }
        if check {
            states.push(ContextState::OutOfDate(path));
            continue;
        }
        if let Some(parent) = path.parent() {
            fsutil::create_dir_inside(&root, parent).map_err(|e| Error::io(parent, e))?;
        }
        fsutil::write_atomic(&path, wanted.as_bytes(), WriteOptions::REPLACE)
            .map_err(|e| Error::io(&path, e))?;
        states.push(ContextState::Written(path));
    }
    Ok((sec, states))
}

// ---------------------------------------------------------------- agent install

/// The command each agent's configuration runs.
pub fn hook_command(agent: Agent, event: Option<&str>) -> String {
    match event {
        Some(e) => format!("git charter agent-hook {agent} --event {e}"),
        None => format!("git charter agent-hook {agent}"),
    }
}

/// Whether a hook entry's command is one of ours.
fn is_ours(command: &str) -> bool {
    let c = command.trim_start();
    (c.starts_with("git charter ") || c.starts_with("git-charter ") || c.contains("/git-charter "))
        && c.contains(" agent-hook")
}

/// The configuration file of an agent, relative to the work tree's root.
pub fn config_file(agent: Agent) -> &'static str {
    match agent {
        Agent::Claude => ".claude/settings.json",
        Agent::Codex => ".codex/hooks.json",
        Agent::Gemini => ".gemini/settings.json",
        Agent::Cursor => ".cursor/hooks.json",
        Agent::Copilot => ".github/hooks/git-charter.json",
    }
}

/// git-charter's entries for an agent: (event, entry) in the agent's own schema.
fn entries(agent: Agent) -> Vec<(&'static str, serde_json::Value)> {
    use serde_json::json;
    let cmd = hook_command(agent, None);
    match agent {
        Agent::Claude => vec![
            (
                "PreToolUse",
                json!({"matcher": "Bash|Write|Edit|MultiEdit|NotebookEdit", "hooks": [{"type": "command", "command": cmd, "timeout": 60}]}),
            ),
            (
                "PostToolUse",
                json!({"matcher": "Write|Edit|MultiEdit|NotebookEdit", "hooks": [{"type": "command", "command": cmd, "timeout": 60}]}),
            ),
            (
                "SessionStart",
                json!({"hooks": [{"type": "command", "command": cmd, "timeout": 30}]}),
            ),
        ],
        Agent::Codex => vec![
            (
                "PreToolUse",
                json!({"matcher": "^(Bash|apply_patch)$", "hooks": [{"type": "command", "command": cmd, "timeout": 60, "statusMessage": "git-charter"}]}),
            ),
            (
                "PostToolUse",
                json!({"matcher": "^apply_patch$", "hooks": [{"type": "command", "command": cmd, "timeout": 60, "statusMessage": "git-charter"}]}),
            ),
            (
                "SessionStart",
                json!({"hooks": [{"type": "command", "command": cmd, "timeout": 30}]}),
            ),
        ],
        Agent::Gemini => vec![
            (
                "BeforeTool",
                json!({"matcher": "run_shell_command|write_file|replace", "hooks": [{"name": "git-charter", "type": "command", "command": cmd, "timeout": 60000}]}),
            ),
            (
                "AfterTool",
                json!({"matcher": "write_file|replace", "hooks": [{"name": "git-charter", "type": "command", "command": cmd, "timeout": 60000}]}),
            ),
        ],
        Agent::Cursor => vec![
            ("beforeShellExecution", json!({"command": cmd})),
            ("afterFileEdit", json!({"command": cmd})),
            ("stop", json!({"command": cmd})),
        ],
        Agent::Copilot => ["preToolUse", "postToolUse", "agentStop"]
            .into_iter()
            .map(|e| {
                (
                    e,
                    json!({"type": "command", "bash": hook_command(agent, Some(e)), "timeoutSec": 60}),
                )
            })
            .collect(),
    }
}

/// Whether an event entry (in any agent's schema) runs git-charter.
fn entry_is_ours(v: &serde_json::Value) -> bool {
    let direct = ["command", "bash", "powershell"]
        .iter()
        .filter_map(|k| v.get(k).and_then(|c| c.as_str()))
        .any(is_ours);
    let nested = v.get("hooks").and_then(|h| h.as_array()).is_some_and(|hs| {
        hs.iter().any(|h| {
            h.get("command")
                .and_then(|c| c.as_str())
                .is_some_and(is_ours)
        })
    });
    direct || nested
}

/// A JSON value whose objects keep their keys' order (serde_json's own `Value` sorts them), so
/// a configuration file comes back with everything where its authors put it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
enum Ordered {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<Ordered>),
    Object(IndexMap<String, Ordered>),
}

impl Ordered {
    fn from_value(v: &serde_json::Value) -> Ordered {
        serde_json::from_value(v.clone()).expect("a JSON value reads as Ordered")
    }
    fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).expect("Ordered serialises")
    }
}

fn read_config(path: &Path) -> Result<Option<String>> {
    match fsutil::read_regular(path, 8 << 20) {
        Ok(Ok(bytes)) => String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| Error::Usage(format!("{}: not UTF-8 text; not touched", path.display()))),
        Ok(Err(_)) => Err(Error::Usage(format!(
            "{}: not a regular file of at most 8 MiB; not touched",
            path.display()
        ))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// The file's text with git-charter's entries in place (`install`) or gone (`uninstall`); other
/// keys, events and entries are kept, in their order. `None`: nothing would be left in the file.
fn merge(agent: Agent, path: &Path, text: Option<&str>, install: bool) -> Result<Option<String>> {
    let broken = |what: &str, e: &dyn std::fmt::Display| {
        Error::Usage(format!(
            "{}: {what} ({e}); fix it by hand, nothing was changed",
            path.display()
        ))
    };
    let mut top: IndexMap<String, Ordered> = match text {
        Some(t) if !t.trim().is_empty() => serde_json::from_str(t).map_err(|e| {
            Error::Usage(format!(
                "{}:{}:{}: not a JSON object ({e}); fix it by hand, nothing was changed",
                path.display(),
                e.line(),
                e.column()
            ))
        })?,
        _ => IndexMap::new(),
    };
    let mut hooks: IndexMap<String, Ordered> = match top.shift_remove_full("hooks") {
        Some((_, _, Ordered::Object(h))) => h,
        Some((_, _, other)) => {
            return Err(broken(
                "`hooks` is not a JSON object",
                &format!("{}", other.to_value()),
            ));
        }
        None => IndexMap::new(),
    };
    let hooks_at = text
        .and_then(|t| serde_json::from_str::<IndexMap<String, Ordered>>(t).ok())
        .and_then(|m| m.get_index_of("hooks"));
    // Take our entries out of every event (also of events a later version no longer uses): a
    // handler of ours inside a group of the team's is taken out of the group, and a group or an
    // event list is dropped only when taking ours out emptied it.
    let had_hooks = top_had_hooks(text);
    let mut emptied = Vec::new();
    for (event, list) in hooks.iter_mut() {
        let Ordered::Array(items) = list else {
            return Err(broken(
                &format!("`hooks.{event}` is not a JSON array"),
                &"found another value",
            ));
        };
        let before = items.len();
        let mut kept = Vec::with_capacity(items.len());
        for mut item in std::mem::take(items) {
            if let Ordered::Object(group) = &mut item
                && let Some(Ordered::Array(handlers)) = group.get_mut("hooks")
            {
                let n = handlers.len();
                handlers.retain(|h| !entry_is_ours(&h.to_value()));
                if n > 0 && handlers.is_empty() {
                    continue;
                }
                kept.push(item);
                continue;
            }
            if !entry_is_ours(&item.to_value()) {
                kept.push(item);
            }
        }
        if before > 0 && kept.is_empty() {
            emptied.push(event.clone());
        }
        *items = kept;
    }
    hooks.retain(|e, _| !emptied.contains(e));
    if install {
        for (event, entry) in entries(agent) {
            let list = hooks
                .entry(event.to_string())
                .or_insert_with(|| Ordered::Array(Vec::new()));
            if let Ordered::Array(items) = list {
                items.push(Ordered::from_value(&entry));
            }
        }
    }
    if !hooks.is_empty() || (had_hooks && emptied.is_empty()) {
        let at = hooks_at.unwrap_or(top.len()).min(top.len());
        top.shift_insert(at, "hooks".into(), Ordered::Object(hooks));
    }
    if matches!(agent, Agent::Cursor | Agent::Copilot) {
        if install && !top.contains_key("version") {
            top.shift_insert(0, "version".into(), Ordered::Number(1.into()));
        }
        if !install && top.len() == 1 && top.contains_key("version") {
            top.clear();
        }
    }
    if top.is_empty() {
        return Ok(None);
    }
    let mut out = serde_json::to_string_pretty(&top).expect("values serialise");
    out.push('\n');
    Ok(Some(out))
}

/// Whether the file had a `hooks` key of its own (kept, even empty, unless emptied by us).
fn top_had_hooks(text: Option<&str>) -> bool {
    text.and_then(|t| serde_json::from_str::<IndexMap<String, Ordered>>(t).ok())
        .is_some_and(|m| m.contains_key("hooks"))
}

/// `agent install <agents>` / `agent uninstall <agents>`.
pub fn agent_config(dir: &Path, agents: &[Agent], install: bool) -> Result<Vec<ConfigAction>> {
    let root = charter_root(dir);
    if crate::collect::Repo::discover(dir).is_err() {
        return Err(Error::Usage(format!(
            "{}: not inside a git repository; agent hooks are configured per repository",
            dir.display()
        )));
    }
    let mut actions = Vec::new();
    for &agent in agents {
        let path = root.join(config_file(agent));
        let text = read_config(&path)?;
        let merged = merge(agent, &path, text.as_deref(), install)?;
        let action = match (&text, &merged) {
            (Some(old), Some(new)) if old == new => {
                if install {
                    ConfigAction::AlreadyInstalled(path)
                } else {
                    ConfigAction::NotInstalled(path)
                }
            }
            (None, None) => ConfigAction::NotInstalled(path),
            (Some(_), None) => {
                std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
                ConfigAction::RemovedFile(path)
            }
            (_, Some(new)) => {
                if let Some(parent) = path.parent() {
                    fsutil::create_dir_inside(&root, parent).map_err(|e| Error::io(parent, e))?;
                }
                fsutil::write_atomic(&path, new.as_bytes(), WriteOptions::REPLACE)
                    .map_err(|e| Error::io(&path, e))?;
                if install {
                    ConfigAction::Installed(path)
                } else {
                    ConfigAction::Removed(path)
                }
            }
        };
        actions.push(action);
    }
    Ok(actions)
}

// ---------------------------------------------------------------- doctor

/// `doctor`: the git hooks, the hook managers and the agents of the repository, and whether
/// git-charter is wired into each.
pub fn doctor(dir: &Path) -> Result<Vec<Check>> {
    let mut out = Vec::new();
    let repo = crate::collect::Repo::discover(dir)?;
    let root = repo.root().to_path_buf();
    match Session::open(dir) {
        Ok(s) => {
            out.push(Check {
                status: "ok",
                what: "charter".into(),
                detail: match s.charter.text {
                    Some(_) => ".charter/charter.yaml loads".into(),
                    None => "no .charter/charter.yaml: the embedded default charter applies".into(),
                },
            });
            if let Some(b) = &s.charter.bundle {
                out.push(Check {
                    status: "ok",
                    what: "organisation charter".into(),
                    detail: format!(
                        "{} matches its pinned digest and is cached: the hooks work offline",
                        b.extends.label()
                    ),
                });
            }
        }
        Err(e) => out.push(Check {
            status: "missing",
            what: "charter".into(),
            detail: super::session::redact_error(e).to_string(),
        }),
    }
    let hooks = crate::collect::hooks::locate(dir);
    for hook in ["pre-commit", "commit-msg", "pre-push", "prepare-commit-msg"] {
        let (status, detail) = match &hooks {
            Err(e) => ("missing", e.to_string()),
            Ok(h) => {
                let path = h.path.join(hook);
                match std::fs::read(&path) {
                    Ok(bytes) => {
                        let text = String::from_utf8_lossy(&bytes);
                        if text.contains(crate::install::MARKER) {
                            ("ok", format!("{}: git-charter's shim", path.display()))
                        } else if text.contains("git-charter") || text.contains("git charter") {
                            ("ok", format!("{}: runs git-charter", path.display()))
                        } else if text.contains("pre-commit") || text.contains("prek") {
                            framework_hook(&root, hook, &path)
                        } else {
                            ("warn", format!("{}: a hook that does not run git-charter", path.display()))
                        }
                    }
                    Err(_) if hook == "prepare-commit-msg" => (
                        "warn",
                        "not installed (optional: `git charter install --hook prepare-commit-msg` pre-fills the disclosure trailer)".into(),
                    ),
                    Err(_) => ("missing", format!("no {hook} hook: `git charter install`")),
                }
            }
        };
        out.push(Check {
            status,
            what: format!("git hook {hook}"),
            detail,
        });
    }
    for agent in Agent::ALL {
        let path = root.join(config_file(agent));
        let present = agent_present(&root, agent);
        let configured = read_config(&path)
            .ok()
            .flatten()
            .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
            .is_some_and(|v| {
                v.get("hooks").and_then(|h| h.as_object()).is_some_and(|h| {
                    h.values()
                        .filter_map(|l| l.as_array())
                        .flatten()
                        .any(entry_is_ours)
                })
            });
        let (status, detail) = match (configured, present) {
            (true, _) => (
                "ok",
                format!(
                    "{} runs `git charter agent-hook {agent}`",
                    config_file(agent)
                ),
            ),
            (false, true) => (
                "missing",
                format!(
                    "{} is used here but its hooks do not run git-charter: `git charter agent install {agent}`",
                    agent.display()
                ),
            ),
            (false, false) => (
                "warn",
                format!("not set up (`git charter agent install {agent}` if the team uses it)"),
            ),
        };
        out.push(Check {
            status,
            what: format!("agent {}", agent.display()),
            detail,
        });
    }
    let targets: Vec<ContextTarget> = ContextTarget::ALL
        .into_iter()
        .filter(|t| root.join(t.file()).exists())
        .collect();
    if let Ok((_, states)) = agent_context(dir, &targets, false, true) {
        for st in states {
            let (status, path, detail) = match st {
                ContextState::UpToDate(p) => ("ok", p, "the charter section is up to date"),
                _ => ("warn", PathBuf::new(), ""),
            };
            if status == "ok" {
                out.push(Check {
                    status,
                    what: "agent instructions".into(),
                    detail: format!("{}: {detail}", path.display()),
                });
            }
        }
        for t in &targets {
            let p = root.join(t.file());
            let ok = out
                .iter()
                .any(|c| c.detail.starts_with(&p.display().to_string()));
            if !ok {
                out.push(Check {
                    status: "warn",
                    what: "agent instructions".into(),
                    detail: format!(
                        "{}: no current charter section: `git charter agent-context --write --target {}`",
                        p.display(),
                        t.as_str()
                    ),
                });
            }
        }
    }
    Ok(out)
}

/// A hook the pre-commit framework (or prek) wrote: covered if its configuration uses git-charter.
fn framework_hook(root: &Path, hook: &str, path: &Path) -> (&'static str, String) {
    let config = std::fs::read_to_string(root.join(".pre-commit-config.yaml")).unwrap_or_default();
    let id = match hook {
        "pre-commit" => "id: git-charter\n",
        "commit-msg" => "id: git-charter-commit-msg",
        "pre-push" => "id: git-charter-pre-push",
        _ => "id: git-charter",
    };
    if config.contains(id) || (hook == "pre-commit" && config.contains("id: git-charter\r")) {
        (
            "ok",
            format!(
                "{}: the pre-commit framework runs git-charter",
                path.display()
            ),
        )
    } else {
        (
            "missing",
            format!(
                "{}: the pre-commit framework's hook, but .pre-commit-config.yaml has no `{}`",
                path.display(),
                id.trim()
            ),
        )
    }
}

/// Whether the repository shows signs of an agent being used.
fn agent_present(root: &Path, agent: Agent) -> bool {
    let marks: &[&str] = match agent {
        Agent::Claude => &[".claude", "CLAUDE.md"],
        Agent::Codex => &[".codex"],
        Agent::Gemini => &[".gemini", "GEMINI.md"],
        Agent::Cursor => &[".cursor", ".cursorrules"],
        Agent::Copilot => &[".github/copilot-instructions.md", ".github/hooks"],
    };
    marks.iter().any(|m| root.join(m).exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_keeps_what_is_there_and_uninstall_restores_it() {
        let p = Path::new(".claude/settings.json");
        let before = "{\n  \"permissions\": {\"allow\": [\"Bash(ls)\"]},\n  \"hooks\": {\"PreToolUse\": [{\"matcher\": \"Bash\", \"hooks\": [{\"type\": \"command\", \"command\": \"./audit.sh\"}]}]},\n  \"alpha\": 1\n}\n";
        let installed = merge(Agent::Claude, p, Some(before), true)
            .unwrap()
            .unwrap();
        // Keys keep their order; the team's hook stays first.
        let perm = installed.find("permissions").unwrap();
        let alpha = installed.find("alpha").unwrap();
        assert!(perm < alpha, "{installed}");
        assert!(
            installed.find("./audit.sh").unwrap() < installed.find("agent-hook claude").unwrap()
        );
        // Installing twice changes nothing.
        assert_eq!(
            merge(Agent::Claude, p, Some(&installed), true)
                .unwrap()
                .unwrap(),
            installed
        );
        let removed = merge(Agent::Claude, p, Some(&installed), false)
            .unwrap()
            .unwrap();
        assert!(!removed.contains("agent-hook"), "{removed}");
        assert!(removed.contains("./audit.sh") && removed.contains("alpha"));
        let v: serde_json::Value = serde_json::from_str(&removed).unwrap();
        let b: serde_json::Value = serde_json::from_str(before).unwrap();
        assert_eq!(v, b);
        // A file that held only our entries goes away.
        let ours = merge(Agent::Cursor, Path::new("h.json"), None, true)
            .unwrap()
            .unwrap();
        assert!(ours.starts_with("{\n  \"version\": 1"), "{ours}");
        assert_eq!(
            merge(Agent::Cursor, Path::new("h.json"), Some(&ours), false).unwrap(),
            None
        );
    }

    #[test]
    fn a_handler_of_ours_in_the_teams_group_leaves_the_rest_of_the_group() {
        let p = Path::new(".claude/settings.json");
        let text = r#"{"hooks": {"PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "./audit.sh"}, {"type": "command", "command": "git charter agent-hook claude"}]}], "Stop": []}}"#;
        let out = merge(Agent::Claude, p, Some(text), false).unwrap().unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            v["hooks"]["PreToolUse"][0]["hooks"][0]["command"], "./audit.sh",
            "{out}"
        );
        assert_eq!(
            v["hooks"]["PreToolUse"][0]["hooks"]
                .as_array()
                .unwrap()
                .len(),
            1
        );
        // The team's own empty list stays.
        assert_eq!(v["hooks"]["Stop"], serde_json::json!([]), "{out}");
        let empty = merge(Agent::Claude, p, Some(r#"{"hooks": {}, "x": 1}"#), false)
            .unwrap()
            .unwrap();
        assert!(empty.contains("\"hooks\": {}"), "{empty}");
    }

    #[test]
    fn broken_configuration_is_refused_untouched() {
        let e = merge(
            Agent::Gemini,
            Path::new("s.json"),
            Some("{\"hooks\": [1]}"),
            true,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("`hooks` is not a JSON object"), "{e}");
        let e = merge(Agent::Gemini, Path::new("s.json"), Some("{,"), true)
            .unwrap_err()
            .to_string();
        assert!(e.contains("s.json:1:"), "{e}");
    }

    #[test]
    fn the_section_replaces_itself_and_keeps_the_rest() {
        let c = crate::config::default_charter();
        let sec = section(&c);
        let text = format!("# Project\n\nIntro.\n\n{sec}\n## After\n");
        assert_eq!(with_section(ContextTarget::Agents, Some(&text), &sec), text);
        let old = text.replace("Disclose AI help", "Old wording");
        assert_eq!(with_section(ContextTarget::Agents, Some(&old), &sec), text);
        assert_eq!(
            with_section(ContextTarget::Agents, Some("# P\n"), &sec),
            format!("# P\n\n{sec}")
        );
        let ctx = context(&c, false);
        assert!(ctx.contains("Assisted-by: <tool>:<model>"), "{ctx}");
        assert!(ctx.contains("`.charter/**`"), "{ctx}");
        assert!(ctx.contains("--no-verify"), "{ctx}");
    }
}
