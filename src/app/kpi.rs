//! `git charter report`: every commit of a range judged by the charter of its time (the `.charter/`
//! of its first parent, the embedded default before one existed), with the `ci` engine and its
//! analysis cache, each commit's facts kept as a `kpi::Record`, and the secrets it introduced followed
//! to the commit that removed them. No git2, no printing.

use super::ci::{Mode, Outcome, Trail, judge_commits};
use super::session::{CharterParts, Judged, Session};
use crate::collect::range::CommitData;
use crate::collect::{CharterSource, Repo};
use crate::detect::redact::Field;
use crate::error::{Error, Result};
use crate::input::Input;
use crate::kpi::{self, FileLines, Record, SecretLife};
use crate::model::{Level, Stage, Strength};
use crate::pattern::LineMap;
use crate::report::progress::Progress;
use std::path::Path;

/// Merge commits walked at most, per merge, to find when its side branch started.
const MERGE_WALK: usize = 10_000;

/// What `git charter report` covers.
#[derive(Debug, Clone, Default)]
pub struct ReportArgs {
    /// `BASE..HEAD`, or one revision (its whole history); default `HEAD`.
    pub range: Option<String>,
    /// Only commits committed at or after this time (seconds since the epoch).
    pub since: Option<i64>,
}

/// The report of one repository.
pub fn report(dir: &Path, args: &ReportArgs) -> Result<kpi::Report> {
    let spec = args.range.clone().unwrap_or_else(|| "HEAD".to_string());
    let repo = Repo::discover_history(dir)?;
    let root = repo.root().to_path_buf();
    let name = root.file_name().map_or_else(
        || "repository".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let head = repo.head_info().head;
    let range = repo.range(&spec)?;
    let mut commits = range.commits;
    if let Some(since) = args.since {
        let mut kept = Vec::with_capacity(commits.len());
        for c in commits {
            if repo.commit_time(&c)? >= since {
                kept.push(c);
            }
        }
        commits = kept;
    }
    let records = records_for(repo, &root, commits)?;
    // The secrets' lives, read with the detectors of HEAD's charter.
    let repo = Repo::discover_history(&root)?;
    let parts = CharterParts::read(&CharterSource::commit(&repo, None)?)?;
    let session = Session::new(repo, parts)?;
    let lives = secret_lives(&session, &name, &records);
    let records: Vec<Record> = records.into_iter().map(|(r, _)| r).collect();
    let repository = kpi::Repository {
        name,
        range: args.range.clone(),
        head,
        ..kpi::Repository::default()
    };
    Ok(kpi::Report::build(
        tool(),
        crate::config::date::Date::today().to_string(),
        repository,
        &records,
        lives,
    ))
}

/// Each commit judged by the charter of its time, in the order given: consecutive commits whose
/// first parents hold the same `.charter/` tree share one session.
fn records_for(repo: Repo, root: &Path, commits: Vec<String>) -> Result<Vec<(Record, Trail)>> {
    let mut groups: Vec<(Option<String>, Option<String>, Vec<String>)> = Vec::new();
    for c in commits {
        let (parent, tree) = repo.parent_charter_tree(&c)?;
        match groups.last_mut() {
            Some(g) if g.1 == tree => g.2.push(c),
            _ => groups.push((parent.or_else(|| Some(c.clone())), tree, vec![c])),
        }
    }
    let total: usize = groups.iter().map(|g| g.2.len()).sum();
    let progress = Progress::new(Some(total as u64), "commits");
    let mut records: Vec<(Record, Trail)> = Vec::with_capacity(total);
    let today = crate::config::date::Date::today().to_string();
    let git_dir = repo.git_dir().to_path_buf();
    let mut repo = Some(repo);
    for (at, _, commits) in &groups {
        let source_repo = match repo.take() {
            Some(r) => r,
            None => Repo::discover_history(root)?,
        };
        let parts = CharterParts::read(&CharterSource::commit(&source_repo, at.as_deref())?)?;
        let key = super::cache::report::key(&parts, &today);
        let mut kept = key
            .as_deref()
            .map(|k| super::cache::report::load(&git_dir, k))
            .unwrap_or_default();
        let missing: Vec<String> = commits
            .iter()
            .filter(|c| !kept.contains_key(*c))
            .cloned()
            .collect();
        progress.inc((commits.len() - missing.len()) as u64);
        if !missing.is_empty() {
            let session = Session::new(source_repo, parts.clone())?;
            let evaluator = session.evaluator()?;
            let Outcome {
                records: judged, ..
            } = judge_commits(
                session,
                evaluator,
                &parts,
                &missing,
                Stage::Ci,
                Vec::new(),
                &progress,
                Mode::Report,
            )?;
            for (c, r) in missing.into_iter().zip(judged) {
                kept.insert(c, r);
            }
            if let Some(k) = &key {
                super::cache::report::store(&git_dir, k, kept.clone());
            }
        } else {
            repo = Some(source_repo);
        }
        for c in commits {
            if let Some(r) = kept.remove(c) {
                records.push(r);
            }
        }
    }
    Ok(records)
}

/// `git charter blame FILE`: each line's commit, and what the report knows of that commit.
pub fn blame(dir: &Path, file: &Path, rev: Option<&str>) -> Result<kpi::Blame> {
    let repo = Repo::discover_history(dir)?;
    let root = repo.root().to_path_buf();
    let path = relative_path(dir, &root, file)?;
    let rev = rev.unwrap_or("HEAD");
    let parts = CharterParts::read(&CharterSource::commit(
        &repo,
        repo.commit_id(rev).as_deref(),
    )?)?;
    let max = parts.charter.charter.limits.max_file_size;
    let (lines, text) = repo.blame(&path, rev, max)?;
    let mut distinct: Vec<(i64, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for id in &lines {
        if seen.insert(id.clone()) {
            distinct.push((repo.commit_time(id)?, id.clone()));
        }
    }
    distinct.sort();
    let session = Session::new(repo, parts)?;
    let redactor = session.detectors.redactor();
    let mut found = Vec::new();
    let shown_path = redactor.text(Field::Path, &path, &mut found).into_inner();
    let texts = text.map(|t| redacted_lines(&redactor, &t));
    let ids: Vec<String> = distinct.into_iter().map(|(_, id)| id).collect();
    let repo = Repo::discover_history(&root)?;
    let records = records_for(repo, &root, ids)?;
    let commits = records
        .into_iter()
        .map(|(r, _)| (r.id.clone(), kpi::BlameCommit::of(&r)))
        .collect();
    let lines = lines
        .into_iter()
        .enumerate()
        .map(|(i, commit)| kpi::BlameLine {
            line: i as u64 + 1,
            commit,
            text: texts.as_ref().and_then(|t| t.get(i).cloned()),
        })
        .collect();
    Ok(kpi::Blame {
        schema_version: kpi::SCHEMA_VERSION,
        path: shown_path,
        rev: rev.to_string(),
        lines,
        commits,
    })
}

/// The file's lines, every secret replaced by its redacted preview. A secret over several lines
/// (a PEM block) becomes one preview, so the whole text is redacted first and used when it keeps
/// the line count; otherwise each line is redacted alone.
fn redacted_lines(redactor: &crate::detect::redact::Redactor<'_>, text: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(text);
    let mut found = Vec::new();
    let whole = redactor
        .text(Field::Content, &text, &mut found)
        .into_inner();
    let lines: Vec<String> = whole.lines().map(str::to_string).collect();
    if lines.len() == text.lines().count() {
        return lines;
    }
    text.lines()
        .map(|l| redactor.text(Field::Content, l, &mut found).into_inner())
        .collect()
}

/// `file` (as given, relative to `dir`) as a `/`-separated path in the repository at `root`.
fn relative_path(dir: &Path, root: &Path, file: &Path) -> Result<String> {
    let joined = if file.is_absolute() {
        file.to_path_buf()
    } else {
        dir.join(file)
    };
    let canon_root = root.canonicalize().map_err(|e| Error::io(root, e))?;
    let parent = joined.parent().unwrap_or(Path::new("."));
    let canon_parent = parent.canonicalize().map_err(|e| Error::io(parent, e))?;
    let name = joined
        .file_name()
        .ok_or_else(|| Error::Usage(format!("`{}` is not a file", file.display())))?;
    let full = canon_parent.join(name);
    let rel = full
        .strip_prefix(&canon_root)
        .map_err(|_| Error::Usage(format!("`{}` is outside the repository", file.display())))?;
    Ok(rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/"))
}

/// Several repositories' JSON reports (`--format json`) as one.
pub fn merge(files: &[std::path::PathBuf]) -> Result<kpi::Report> {
    let mut parts = Vec::with_capacity(files.len());
    for f in files {
        let shown = f.display().to_string();
        let text = match crate::fsutil::read_regular(f, 256 << 20).map_err(|e| Error::io(f, e))? {
            Ok(t) => t,
            Err(_) => {
                return Err(Error::Usage(format!(
                    "{shown}: not a regular file of at most 256 MiB"
                )));
            }
        };
        let report: kpi::Report = serde_json::from_slice(&text).map_err(|e| {
            Error::Usage(format!(
                "{shown}: not a git-charter report (`git charter report --format json`): {e}"
            ))
        })?;
        parts.push(report);
    }
    kpi::Report::merge(
        tool(),
        crate::config::date::Date::today().to_string(),
        parts,
    )
    .map_err(Error::Usage)
}

fn tool() -> String {
    format!("git-charter {}", env!("CARGO_PKG_VERSION"))
}

fn strength_name(s: Strength) -> &'static str {
    s.as_str()
}

fn rank(s: Strength) -> u8 {
    match s {
        Strength::Weak => 1,
        Strength::Medium => 2,
        Strength::Strong => 3,
    }
}

/// A merge's latency, when no review trailer gave one: from the earliest author time of the
/// commits it brings in to the merge.
pub(super) fn merge_latency(session: &Session, r: &mut Record) -> Result<()> {
    if r.latency_secs.is_none()
        && let Some(start) = session.repo.merged_since(&r.id, MERGE_WALK)?
    {
        r.latency_secs = Some(r.time - start).filter(|s| *s >= 0);
    }
    Ok(())
}

/// The commit's changed paths, redacted (a secret in a path is not kept), for following secrets.
pub(super) fn trail_of(session: &Session, data: &CommitData) -> Trail {
    let redactor = session.detectors.redactor();
    let mut found = Vec::new();
    let mut redact = |p: &str| redactor.text(Field::Path, p, &mut found).into_inner();
    Trail {
        changes: data
            .changes
            .files
            .iter()
            .map(|f| {
                (
                    redact(&f.path),
                    f.old_path.as_deref().map(&mut redact),
                    f.status == crate::model::FileStatus::Deleted,
                )
            })
            .collect(),
        secrets: Vec::new(),
    }
}

/// A commit over `limits.max_files`: counted (commits, added lines, directories), judged by nothing.
pub(super) fn unjudged(session: &Session, data: &CommitData) -> (Record, Trail) {
    let redactor = session.detectors.redactor();
    let mut found = Vec::new();
    let mut redact = |field, text: &str| redactor.text(field, text, &mut found).into_inner();
    let author = format!(
        "{} <{}>",
        redact(Field::AuthorName, &data.author.name),
        redact(Field::AuthorEmail, &data.author.email)
    );
    let files = data
        .changes
        .files
        .iter()
        .map(|f| FileLines {
            dir: kpi::top_dir(&redact(Field::Path, &f.path)),
            tier: "(not judged)".to_string(),
            classes: Vec::new(),
            added: u64::from(f.added_lines()),
        })
        .collect();
    let record = Record {
        id: data.id.clone(),
        author,
        time: data.committer_time,
        files,
        unjudged: true,
        ..Record::default()
    };
    (record, trail_of(session, data))
}

/// A judged commit's record, from its input document, verdict and the report's facts.
pub(super) fn record(
    input: &Input,
    judged: &Judged,
    facts: Option<serde_json::Value>,
    (author_time, committer_time): (i64, i64),
) -> Record {
    let c = &input.commit;
    let author = c
        .author
        .as_ref()
        .map_or_else(String::new, |a| format!("{} <{}>", a.name, a.email));
    let strongest = c
        .ai_evidence
        .iter()
        .map(|e| e.strength)
        .max_by_key(|s| rank(*s));
    let mut tools: Vec<String> = c
        .ai_evidence
        .iter()
        .filter(|e| e.strength != Strength::Weak)
        .map(|e| e.tool.clone())
        .collect();
    tools.sort();
    tools.dedup();
    let facts = facts.unwrap_or_default();
    let flag = |k: &str| {
        facts
            .get(k)
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false)
    };
    let protected = facts
        .get("protected")
        .and_then(serde_json::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|p| {
                    Some((
                        p.get("kind")?.as_str()?.to_string(),
                        p.get("name")?.as_str()?.to_string(),
                        p.get("met")?.as_bool()?,
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    let reviewers = facts
        .get("reviewers")
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(0);
    let mut violations: Vec<String> = judged
        .violations
        .iter()
        .map(|v| v.policy_id.clone())
        .collect();
    violations.sort();
    violations.dedup();
    let files: Vec<FileLines> = input
        .files
        .iter()
        .map(|f| FileLines {
            dir: kpi::top_dir(f.path.as_str()),
            tier: f.tier.clone(),
            classes: f.classes.clone(),
            added: u64::from(f.added_lines),
        })
        .collect();
    Record {
        id: c.id.clone().unwrap_or_default(),
        author,
        time: committer_time,
        strength: strongest.map(|s| strength_name(s).to_string()),
        tools,
        ai_assisted: flag("ai_assisted"),
        disclosure_required: flag("disclosure_required"),
        disclosed: flag("disclosed"),
        protected,
        denied: judged.violations.iter().any(|v| v.level == Level::Deny),
        warned: judged.violations.iter().any(|v| v.level == Level::Warn),
        violations,
        files,
        secrets: Vec::new(),
        // A review trailer: from writing the change to committing it reviewed.
        latency_secs: Some(committer_time - author_time).filter(|s| reviewers > 0 && *s >= 0),
        bulk: flag("bulk"),
        reviewers,
        unjudged: false,
        approvals: c.approvals.iter().filter(|a| a.valid).count() as u64,
        signed: c.signature.as_ref().is_some_and(|s| s.valid),
    }
}

/// Adds the secrets the input reports (files' and the commit's own fields') to the record, and
/// their paths and fingerprints to the trail.
pub(super) fn with_secrets(mut record: Record, mut trail: Trail, input: &Input) -> (Record, Trail) {
    for f in &input.findings {
        let file = input.files.iter().position(|x| x.path.as_str() == f.path);
        record.secrets.push((f.rule_id.clone(), file));
        trail
            .secrets
            .push(Some((f.path.clone(), f.fingerprint.clone())));
    }
    for f in &input.commit.findings {
        record.secrets.push((f.rule_id.clone(), None));
        trail.secrets.push(None);
    }
    (record, trail)
}

/// The hash part of a fingerprint (`rule:path:hash`): the same secret at another path.
fn secret_hash(fingerprint: &str) -> &str {
    fingerprint.rsplit(':').next().unwrap_or(fingerprint)
}

/// Each secret followed from the commit that introduced it through the later commits of the range
/// that change its file: removed where the file is deleted or no longer holds it (scanned whole).
/// A secret in a commit's own fields (message, identities) stays in history: never removed.
fn secret_lives(
    session: &Session,
    repo_name: &str,
    records: &[(Record, Trail)],
) -> Vec<SecretLife> {
    use std::collections::HashMap;
    // Which records change a path (as new or old path), in order.
    let mut touching: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, (_, t)) in records.iter().enumerate() {
        for (p, old, _) in &t.changes {
            touching.entry(p.as_str()).or_default().push(j);
            if let Some(o) = old {
                touching.entry(o.as_str()).or_default().push(j);
            }
        }
    }
    // The secrets (rule, hash) of a path as of a record, each file version scanned once.
    let mut scanned = Scanned::new();
    let mut lives = Vec::new();
    for (i, (r, t)) in records.iter().enumerate() {
        for ((rule, _), at) in r.secrets.iter().zip(&t.secrets) {
            let mut life = SecretLife {
                repository: repo_name.to_string(),
                rule_id: rule.clone(),
                path: at
                    .as_ref()
                    .map_or_else(|| "<commit>".to_string(), |a| a.0.clone()),
                commit: r.id.clone(),
                introduced_on: kpi::day_of(r.time),
                ..SecretLife::default()
            };
            if let Some((path, fingerprint)) = at
                && let Some(j) = removal(
                    session,
                    records,
                    &touching,
                    &mut scanned,
                    i,
                    rule,
                    path,
                    fingerprint,
                )
            {
                let later = &records[j].0;
                life.removed_in = Some(later.id.clone());
                life.removed_on = Some(kpi::day_of(later.time));
                life.commits_to_remove = Some((j - i) as u64);
                life.days_to_remove = Some((later.time - r.time).max(0) as f64 / 86_400.0);
            }
            lives.push(life);
        }
    }
    lives
}

/// Secrets `(rule, hash)` of a file version; `None` when it cannot be read (too large, not a
/// regular file), which says nothing about removal.
type Scanned = std::collections::HashMap<(usize, String), Option<Vec<(String, String)>>>;

/// The index of the first record after `i` whose version of the secret's file (followed through
/// renames) no longer holds it, or deletes the file.
#[allow(clippy::too_many_arguments)]
fn removal(
    session: &Session,
    records: &[(Record, Trail)],
    touching: &std::collections::HashMap<&str, Vec<usize>>,
    scanned: &mut Scanned,
    i: usize,
    rule: &str,
    path: &str,
    fingerprint: &str,
) -> Option<usize> {
    let max = session.charter.charter.limits.max_file_size;
    let hash = secret_hash(fingerprint);
    let mut path = path.to_string();
    let mut from = i;
    'follow: while let Some(later) = touching.get(path.as_str()) {
        let start = later.partition_point(|&j| j <= from);
        for &j in &later[start..] {
            let (lr, lt) = &records[j];
            let Some((p, _, deleted)) = lt
                .changes
                .iter()
                .find(|(p, old, _)| *p == path || old.as_deref() == Some(path.as_str()))
            else {
                continue;
            };
            if *deleted && *p == path {
                return Some(j);
            }
            let found = scanned.entry((j, p.clone())).or_insert_with(|| {
                let text = session.repo.content_at(Some(lr.id.as_str()), p, max)?;
                let facts = session.detectors.scan_content(
                    p,
                    &text,
                    LineMap::Contiguous { first: 1 },
                    false,
                );
                Some(
                    facts
                        .findings
                        .into_iter()
                        .map(|f| (f.rule_id, secret_hash(&f.fingerprint).to_string()))
                        .collect(),
                )
            });
            if let Some(found) = found
                && !found.iter().any(|(fr, fh)| fr == rule && fh == hash)
            {
                return Some(j);
            }
            if *p != path {
                // Renamed (or copied) with the secret: follow the new path from here.
                path = p.clone();
                from = j;
                continue 'follow;
            }
        }
        break;
    }
    None
}
