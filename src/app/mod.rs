//! Orchestration per stage: collect → detect → input → policy → report. No printing here.
//! Each stage function returns a value that main.rs renders and turns into an exit code.

use crate::collect::{ChangeSet, Repo};
use crate::config::{self, LoadedCharter};
use crate::detect::ai::Signatures;
use crate::detect::classes::Classifier;
use crate::detect::insecure::InsecureScanner;
use crate::detect::secrets::{Scanner, SecretFinding};
use crate::detect::{LineMap, message, trailers};
use crate::error::{Error, Result};
use crate::input::{self, Input, Stats};
use crate::model::{Ident, Stage};
use crate::policy::{self, Evaluator, Overrides, Source};
use crate::report::{Report, RuleInfo};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Compiled detectors, built once per run from the charter.
pub struct Detectors {
    pub secrets: Scanner,
    pub classifier: Classifier,
    pub insecure: InsecureScanner,
    pub signatures: Signatures,
    pub baseline: HashSet<String>,
}

fn config_err(origin: &Path, message: String) -> Error {
    Error::Config(config::ConfigError {
        path: origin.to_path_buf(),
        location: None,
        message,
    })
}

impl Detectors {
    /// Detectors for a work tree: the baseline and the team's gitleaks config are read from disk.
    pub fn new(loaded: &LoadedCharter) -> Result<Detectors> {
        let c = &loaded.charter;
        let origin = loaded
            .file
            .clone()
            .unwrap_or_else(|| PathBuf::from(config::DEFAULT_CHARTER_NAME));
        let mut extra = Vec::new();
        if let Some(rel) = &c.secrets.gitleaks_config {
            // Relative to the repository root, like every path in the charter.
            let root = loaded.dir.parent().unwrap_or(Path::new("."));
            let path = root.join(rel);
            let text = std::fs::read_to_string(&path).map_err(|e| {
                config_err(
                    &origin,
                    format!(
                        "secrets.gitleaks_config: cannot read {}: {e}",
                        path.display()
                    ),
                )
            })?;
            extra.push((path.display().to_string(), text));
        }
        let baseline = read_baseline(&loaded.baseline_path())?;
        Detectors::build(loaded, &origin, baseline, &extra)
    }

    /// Secret scan of one file, except the baseline: it lists fingerprints (`rule:path:hash`) that
    /// read like `password:value` to generic rules, and holds no secret.
    pub fn scan_secrets(
        &self,
        path: &str,
        text: &[u8],
        lines: LineMap<'_>,
        out: &mut Vec<SecretFinding>,
    ) {
        let baseline = format!("{}/{}", config::CHARTER_DIR, config::BASELINE_FILE);
        if path == baseline || path.ends_with(&format!("/{baseline}")) {
            return;
        }
        self.secrets.scan(path, text, lines, out);
    }

    /// Detectors from parts already read (CI reads them from git objects, not the work tree).
    /// `origin` names the charter in errors; `extra` are gitleaks-format configs as (origin, text).
    pub fn build(
        loaded: &LoadedCharter,
        origin: &Path,
        baseline: HashSet<String>,
        extra: &[(String, String)],
    ) -> Result<Detectors> {
        let c = &loaded.charter;
        let err = |e: &dyn std::fmt::Display| config_err(origin, e.to_string());
        // The three compiled detectors are independent: build them on both cores.
        let (secrets, (classifier, insecure)) = std::thread::scope(|s| {
            let secrets = s.spawn(|| Scanner::new(&c.secrets, extra));
            let classifier = s.spawn(|| Classifier::new(&c.classes, &c.tiers));
            let insecure = InsecureScanner::new(&c.insecure);
            (
                secrets
                    .join()
                    .expect("secret rules build without panicking"),
                (
                    classifier.join().expect("classes build without panicking"),
                    insecure,
                ),
            )
        });
        Ok(Detectors {
            secrets: secrets.map_err(|e| err(&e))?,
            classifier: classifier.map_err(|e| err(&e))?,
            insecure: insecure.map_err(|e| err(&e))?,
            signatures: Signatures::new(&c.ai).map_err(|e| err(&e))?,
            baseline,
        })
    }
}

/// The baseline: fingerprints of findings a team has accepted. Missing file = empty baseline.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<BaselineEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    pub fingerprint: String,
    pub rule_id: String,
    pub path: String,
}

fn read_baseline(path: &Path) -> Result<HashSet<String>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(HashSet::new()),
        Err(e) => return Err(Error::io(path, e)),
    };
    let b: Baseline = serde_json::from_str(&text).map_err(|e| {
        Error::Config(config::ConfigError {
            path: path.to_path_buf(),
            location: Some((e.line(), e.column())),
            message: format!("invalid baseline: {e}"),
        })
    })?;
    Ok(b.findings.into_iter().map(|e| e.fingerprint).collect())
}

/// Everything a run needs: the repository, the effective charter, detectors and policy sources.
pub struct Session {
    pub repo: Repo,
    pub charter: LoadedCharter,
    pub detectors: Detectors,
    pub sources: Vec<Source>,
    /// git's trailer configuration, read once per run (CI judges thousands of commits).
    pub trailer_config: std::sync::OnceLock<trailers::TrailerConfig>,
}

impl Session {
    pub fn open(dir: &Path) -> Result<Session> {
        let (repo, charter, sources) = open_parts(dir)?;
        Session::assemble(repo, charter, sources)
    }

    fn assemble(repo: Repo, charter: LoadedCharter, sources: Vec<Source>) -> Result<Session> {
        Ok(Session {
            detectors: Detectors::new(&charter)?,
            repo,
            charter,
            sources,
            trailer_config: std::sync::OnceLock::new(),
        })
    }

    pub fn evaluator(&self) -> Result<Evaluator> {
        make_evaluator(&self.charter, &self.sources)
    }

    /// `open`, with the policies compiled and prepared on a thread of their own: the hooks build
    /// the detectors, read the diff and analyse it meanwhile, and pay for the slower of the two paths
    /// rather than their sum. Join the handle right before judging.
    pub fn open_with_evaluator(dir: &Path) -> Result<(Session, PendingEvaluator)> {
        let (repo, charter, sources) = open_parts(dir)?;
        let pending = {
            let (charter, sources) = (charter.clone(), sources.clone());
            PendingEvaluator(std::thread::spawn(move || {
                let mut evaluator = make_evaluator(&charter, &sources)?;
                evaluator
                    .prepare()
                    .map_err(|e| Error::Policy(e.to_string()))?;
                Ok(evaluator)
            }))
        };
        Ok((Session::assemble(repo, charter, sources)?, pending))
    }

    fn overrides(&self) -> Overrides {
        overrides(&self.charter.charter)
    }

    /// The facts of one set of changes: files with classes, tiers, secrets and insecure patterns.
    pub fn analyze(
        &self,
        changes: &ChangeSet,
    ) -> (Vec<input::File>, Vec<SecretFinding>, Stats, u32) {
        analyze(&self.detectors, changes)
    }

    /// Commit facts from a message (already cleaned up) and identities.
    pub fn commit_facts(
        &self,
        message: Option<String>,
        author: Option<Ident>,
        committer: Option<Ident>,
    ) -> input::Commit {
        let cfg = self
            .trailer_config
            .get_or_init(|| self.read_trailer_config());
        let mut commit = input::Commit {
            author,
            committer,
            ..input::Commit::default()
        };
        if let Some(raw) = message {
            // A secret pasted into a message is as leaked as one in a file, and the message is
            // printed, serialised and quoted by policies: find it, then work on a redacted copy.
            let message_path = "<commit message>";
            self.detectors.secrets.scan(
                message_path,
                raw.as_bytes(),
                LineMap::Contiguous { first: 1 },
                &mut commit.findings,
            );
            commit
                .findings
                .retain(|f| !self.detectors.baseline.contains(&f.fingerprint));
            let msg = redact_lines(&raw, &commit.findings);
            commit.subject = Some(message::subject(&msg));
            let comment = self.comment_char(&msg);
            let mode = match self.charter.charter.trailers.mode {
                config::TrailerMode::Log => trailers::Mode::LogUnfold,
                config::TrailerMode::Interpret => trailers::Mode::InterpretParse,
            };
            commit.trailers = trailers::parse_with_comment(&msg, mode, cfg, &comment);
            commit.ai_evidence = self.detectors.signatures.detect(
                &msg,
                &commit.trailers,
                commit.author.as_ref(),
                commit.committer.as_ref(),
            );
            commit.message = Some(msg);
        }
        commit
    }

    fn read_trailer_config(&self) -> trailers::TrailerConfig {
        let keys = self
            .repo
            .config_entries(r"^trailer\..*\.key$")
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        trailers::TrailerConfig {
            separators: self.repo.config_string("trailer.separators"),
            configured_keys: keys,
        }
    }

    fn input_for(&self, stage: Stage, changes: &ChangeSet, commit: input::Commit) -> (Input, u32) {
        let head = self.repo.head_info();
        let (files, findings, stats, baselined) = self.analyze(changes);
        let input = Input {
            schema_version: input::SCHEMA_VERSION,
            stage,
            repo: input::Repo {
                root: self.repo.root_string(),
                branch: head.branch,
                head: head.head,
                merge: head.merging || commit.parents.len() > 1,
            },
            commit,
            files,
            findings,
            stats,
        };
        (input, baselined)
    }

    /// Evaluates the policies on one input document.
    pub fn judge(
        &self,
        evaluator: &mut Evaluator,
        input: &Input,
    ) -> Result<Vec<crate::model::Violation>> {
        let json = serde_json::to_string(input).expect("input serialises");
        evaluator
            .evaluate(&json, input.stage, &self.overrides())
            .map_err(|e| Error::Policy(e.to_string()))
    }

    fn staged(&self) -> Result<ChangeSet> {
        self.repo
            .staged(self.charter.charter.limits.max_file_size)
            .map_err(|e| Error::Git(e.to_string()))
    }

    /// Reads a commit-msg hook's message file and cleans it up as git will.
    fn message_from_file(&self, file: &Path) -> Result<String> {
        let raw = std::fs::read(file).map_err(|e| Error::io(file, e))?;
        let raw = String::from_utf8_lossy(&raw);
        let comment = self.comment_char(&raw);
        Ok(message::cleanup(&raw, &comment))
    }

    /// `core.commentChar` (or `core.commentString`), with `auto` resolved against the message as git does.
    fn comment_char(&self, raw: &str) -> String {
        match self
            .repo
            .config_string("core.commentChar")
            .or_else(|| self.repo.config_string("core.commentString"))
        {
            Some(c) if c == "auto" => message::resolve_auto_comment(raw),
            Some(c) if !c.is_empty() => c,
            _ => "#".to_string(),
        }
    }

    pub fn rule_infos(&self, evaluator: &Evaluator) -> Vec<RuleInfo> {
        rule_infos(evaluator)
    }
}

/// The repository, its effective charter and the policy sources in force.
fn open_parts(dir: &Path) -> Result<(Repo, LoadedCharter, Vec<Source>)> {
    let repo = Repo::discover(dir).map_err(|e| Error::Git(e.to_string()))?;
    let charter = config::load(repo.root())?;
    let sources = policy_sources(&charter)?;
    Ok((repo, charter, sources))
}

/// Policies being compiled on another thread (see `Session::open_with_evaluator`).
pub struct PendingEvaluator(std::thread::JoinHandle<Result<Evaluator>>);

impl PendingEvaluator {
    pub fn wait(self) -> Result<Evaluator> {
        self.0.join().expect("policies load without panicking")
    }
}

/// Replaces each finding's secret in `text` by its redacted preview: from the finding's column to the
/// end of the token on its first line, and whole lines after it (the rest of a PEM block, the second
/// half of a pair).
pub fn redact_lines(text: &str, findings: &[SecretFinding]) -> String {
    if findings.is_empty() {
        return text.to_string();
    }
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    for f in findings {
        let first = f.line.saturating_sub(1) as usize;
        if let Some(line) = lines.get_mut(first) {
            let start = line
                .char_indices()
                .nth(f.column.saturating_sub(1) as usize)
                .map_or(line.len(), |(i, _)| i);
            let end = line[start..]
                .find(|c: char| c.is_whitespace() || "\"'`<>,;()[]{}".contains(c))
                .map_or(line.len(), |n| start + n);
            line.replace_range(start..end, &f.preview);
        }
        for l in (first + 1)..(f.end_line as usize).min(lines.len()) {
            lines[l] = "[redacted]".to_string();
        }
    }
    lines.join("\n")
}

/// One evaluator for the run, with the charter as `data.charter`.
/// Policy ids must be unique (a team policy reusing a built-in id would be switched off, explained
/// and reported as the built-in), and every id the charter names must exist (a typo in
/// `policies.disable` would otherwise leave the policy on, silently).
pub fn make_evaluator(loaded: &LoadedCharter, sources: &[Source]) -> Result<Evaluator> {
    let charter_json = serde_json::to_string(&loaded.charter).expect("charter serialises");
    let evaluator = Evaluator::new(
        sources,
        &charter_json,
        loaded.charter.limits.policy_timeout_ms,
    )
    .map_err(|e| Error::Policy(e.to_string()))?;
    let policies = evaluator.policies();
    for (i, p) in policies.iter().enumerate() {
        if let Some(other) = policies[..i]
            .iter()
            .find(|o| o.id() == p.id() && o.package != p.package)
        {
            return Err(Error::Policy(format!(
                "{}: policy id `{}` is already used by {}; ids must be unique",
                p.origin,
                p.id(),
                other.origin
            )));
        }
    }
    let c = &loaded.charter.policies;
    for (key, ids) in [
        ("policies.disable", &c.disable),
        ("policies.warn_only", &c.warn_only),
    ] {
        if let Some(unknown) = ids
            .iter()
            .find(|id| !policies.iter().any(|p| p.id() == id.as_str()))
        {
            let origin = loaded
                .file
                .clone()
                .unwrap_or_else(|| PathBuf::from(config::DEFAULT_CHARTER_NAME));
            return Err(config_err(
                &origin,
                format!("{key}: no policy has the id `{unknown}` (see `git charter policy list`)"),
            ));
        }
    }
    Ok(evaluator)
}

/// The charter's switches on policy results (`policies.disable`, `policies.warn_only`).
pub fn overrides(charter: &config::Charter) -> Overrides {
    Overrides {
        disable: charter.policies.disable.clone(),
        warn_only: charter.policies.warn_only.clone(),
    }
}

/// Policy METADATA as the reporters need it (SARIF's rule list).
pub fn rule_infos(evaluator: &Evaluator) -> Vec<RuleInfo> {
    evaluator
        .policies()
        .iter()
        // Library packages (helpers with no deny or warn) are not rules.
        .filter(|p| !p.declares.is_empty())
        .map(|p| RuleInfo {
            id: p.id().to_string(),
            title: p.title().to_string(),
            description: p.metadata.description.clone().unwrap_or_default(),
            remediation: p.metadata.custom.remediation.clone().unwrap_or_default(),
            severity: p.severity(),
        })
        .collect()
}

/// Built-in policies plus `.charter/policies/**.rego`. A repository file with the same relative path
/// as a built-in (e.g. `secrets/leaked.rego`) replaces it.
pub fn policy_sources(charter: &LoadedCharter) -> Result<Vec<Source>> {
    let mut sources = policy::builtin_sources();
    let dir = charter.policies_dir();
    let team = policy::sources_from(&dir).map_err(|e| Error::Policy(e.to_string()))?;
    for t in team {
        let rel = Path::new(&t.origin)
            .strip_prefix(&dir)
            .map(|p| format!("policies/{}", p.display()))
            .unwrap_or_default();
        sources.retain(|s| s.origin != rel);
        sources.push(t);
    }
    Ok(sources)
}

pub fn analyze(
    d: &Detectors,
    changes: &ChangeSet,
) -> (Vec<input::File>, Vec<SecretFinding>, Stats, u32) {
    let mut stats = Stats::default();
    for f in &changes.files {
        stats.files += 1;
        stats.added_lines += u64::from(f.added_lines());
        stats.removed_lines += u64::from(f.removed_lines);
        match f.skipped {
            Some("binary") => stats.skipped_binary += 1,
            Some("too-large") => stats.skipped_large += 1,
            Some("deleted") => {}
            Some(_) => stats.skipped_other += 1,
            None => {
                stats.scanned_files += 1;
                stats.scanned_bytes += f.added.len() as u64;
            }
        }
    }
    // A commit of several files uses both cores: the first use of a rule compiles its regex, and that
    // (not the matching) dominates a hook's analysis time. Order is kept.
    let analyzed: Vec<(input::File, u32)> = if changes.files.len() > 1 && stats.scanned_bytes > 4096
    {
        use rayon::prelude::*;
        changes
            .files
            .par_iter()
            .map(|f| analyze_file(d, f))
            .collect()
    } else {
        changes.files.iter().map(|f| analyze_file(d, f)).collect()
    };
    let mut baselined = 0;
    let mut all_findings = Vec::new();
    let mut files = Vec::with_capacity(analyzed.len());
    for (file, b) in analyzed {
        baselined += b;
        all_findings.extend(file.findings.iter().cloned());
        files.push(file);
    }
    (files, all_findings, stats, baselined)
}

/// One file's facts, and how many of its secret findings the baseline hid.
fn analyze_file(d: &Detectors, f: &crate::collect::ChangedFile) -> (input::File, u32) {
    let mut findings = Vec::new();
    let mut insecure = Vec::new();
    if f.skipped.is_none() {
        let map = LineMap::Mapped(&f.added_line_numbers);
        d.scan_secrets(&f.path, &f.added, map, &mut findings);
        d.insecure.scan(&f.path, &f.added, map, &mut insecure);
    }
    let before = findings.len();
    findings.retain(|x| !d.baseline.contains(&x.fingerprint));
    let baselined = (before - findings.len()) as u32;
    let classes = if f.skipped == Some("deleted") {
        d.classifier.classify(&f.path, b"")
    } else {
        d.classifier.classify(&f.path, &f.added)
    };
    let file = input::File {
        path: f.path.clone(),
        status: f.status,
        old_path: f.old_path.clone(),
        size: f.size,
        binary: f.binary,
        skipped: f.skipped,
        added_lines: f.added_lines(),
        removed_lines: f.removed_lines,
        tier: d.classifier.tier(&f.path),
        classes,
        findings,
        insecure,
    };
    (file, baselined)
}

fn make_report(
    session: &Session,
    evaluator: &Evaluator,
    stage: Stage,
    input: &Input,
    violations: Vec<crate::model::Violation>,
    baselined: u32,
) -> Report {
    Report {
        stage,
        violations,
        stats: input.stats.clone(),
        commits: 0,
        nothing: (input.files.is_empty() && stage == Stage::PreCommit)
            .then(|| "nothing staged".to_string()),
        baselined,
        rules: session.rule_infos(evaluator),
    }
}

/// The pre-commit hook: judge what is staged.
pub fn pre_commit(dir: &Path) -> Result<Report> {
    judge_index(dir, Stage::PreCommit, None)
}

/// The commit-msg hook: the message as git will store it, with the staged changes still in the index.
pub fn commit_msg(dir: &Path, file: &Path) -> Result<Report> {
    judge_index(dir, Stage::CommitMsg, Some(file))
}

/// Both hooks: the index git is committing and, at commit-msg, the message.
fn judge_index(dir: &Path, stage: Stage, message_file: Option<&Path>) -> Result<Report> {
    let (session, pending) = Session::open_with_evaluator(dir)?;
    let message = message_file
        .map(|f| session.message_from_file(f))
        .transpose()?;
    let changes = session.staged()?;
    let (author, committer) = session.repo.identities();
    let commit = session.commit_facts(message, author, committer);
    let (input, baselined) = session.input_for(stage, &changes, commit);
    let mut evaluator = pending.wait()?;
    let violations = session.judge(&mut evaluator, &input)?;
    Ok(make_report(
        &session, &evaluator, stage, &input, violations, baselined,
    ))
}

/// The input document for a stage, as the policies would receive it.
pub fn input_document(dir: &Path, stage: Stage, file: Option<&Path>) -> Result<Input> {
    let session = Session::open(dir)?;
    let changes = session.staged()?;
    let (author, committer) = session.repo.identities();
    let message = match (stage, file) {
        (Stage::CommitMsg, Some(f)) => Some(session.message_from_file(f)?),
        (_, Some(f)) => {
            return Err(Error::Usage(format!(
                "{}: a message file is only read with --stage commit-msg",
                f.display()
            )));
        }
        (Stage::CommitMsg, None) => {
            return Err(Error::Usage("--stage commit-msg needs the message file: git charter input --stage commit-msg FILE".into()));
        }
        _ => None,
    };
    let commit = session.commit_facts(message, author, committer);
    Ok(session.input_for(stage, &changes, commit).0)
}

/// Loads the charter for `dir` whether or not it is inside a repository (for policy commands run elsewhere).
pub fn charter_for(dir: &Path) -> Result<LoadedCharter> {
    match Repo::discover(dir) {
        Ok(repo) => Ok(config::load(repo.root())?),
        Err(_) => Ok(config::load(dir)?),
    }
}

fn policy_dir_sources(dir: Option<&Path>, cwd: &Path) -> Result<Vec<Source>> {
    match dir {
        None => Ok(policy::builtin_sources()),
        Some(d) => {
            let d = if d.is_absolute() {
                d.to_path_buf()
            } else {
                cwd.join(d)
            };
            if !d.exists() {
                return Err(Error::Usage(format!(
                    "{}: no such file or directory",
                    d.display()
                )));
            }
            policy::sources_from(&d).map_err(|e| Error::Policy(e.to_string()))
        }
    }
}

/// `policy test [DIR]`.
pub fn policy_test(cwd: &Path, dir: Option<&Path>) -> Result<Vec<policy::TestOutcome>> {
    let sources = policy_dir_sources(dir, cwd)?;
    let charter = charter_for(cwd)?;
    let charter_json = serde_json::to_string(&charter.charter).expect("charter serialises");
    policy::run_tests(&sources, &charter_json).map_err(|e| Error::Policy(e.to_string()))
}

/// `policy check [DIR]`.
pub fn policy_check(
    cwd: &Path,
    dir: Option<&Path>,
) -> Result<(Vec<policy::Policy>, Vec<policy::CheckProblem>)> {
    let sources = policy_dir_sources(dir, cwd)?;
    policy::check(&sources).map_err(|e| Error::Policy(e.to_string()))
}

/// `policy list`: the policies in force for this repository.
pub fn policy_list(cwd: &Path) -> Result<Vec<policy::Policy>> {
    let charter = charter_for(cwd)?;
    let sources = policy_sources(&charter)?;
    let mut policies = policy::check(&sources)
        .map_err(|e| Error::Policy(e.to_string()))?
        .0;
    policies.retain(|p| !p.declares.is_empty());
    Ok(policies)
}

/// `charter`: the effective charter as YAML.
pub fn effective_charter(cwd: &Path) -> Result<String> {
    Ok(config::to_yaml(&charter_for(cwd)?.charter))
}

pub mod ci;
pub mod init;
pub mod scan;

/// `rules`: every secret rule in force (built-ins and the team's gitleaks config).
pub fn rules(cwd: &Path) -> Result<Vec<crate::detect::secrets::RuleInfo>> {
    let loaded = charter_for(cwd)?;
    Ok(Detectors::new(&loaded)?.secrets.rules())
}
