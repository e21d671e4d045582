//! CI and pre-push: every commit of a range judged by the same detectors and policies as the hooks,
//! with the base side's charter read from git objects. No git2 here (collect::range reads history), no printing.

use super::{Baseline, Detectors, Session, analyze};
use crate::cli::CiArgs;
use crate::collect::range::{CharterFiles, Range, RangeError, RefUpdate, parse_ref_lines};
use crate::collect::{ChangeSet, ChangedFile, Repo};
use crate::config::{self, LoadedCharter};
use crate::error::{Error, Result};
use crate::input::{self, Input, Stats};
use crate::model::{Stage, Violation};
use crate::policy::{self, Evaluator, Source};
use crate::report::Report;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Below this many commits per worker, starting another worker (its own repository handle,
/// detectors and policy engine) costs more than it saves.
const COMMITS_PER_WORKER: usize = 48;

/// Counters of one run, for tests and the benchmark; not part of the report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunStats {
    pub commits: usize,
    /// Changed files analysed (secrets, insecure patterns, classes).
    pub files_analyzed: u64,
    /// Changed files whose analysis was reused: same path, same blob, same added lines.
    pub cache_hits: u64,
    pub workers: usize,
    /// Time spent (summed over workers) reading commits and diffing trees, analysing files, and
    /// building input documents and evaluating policies.
    pub collect: std::time::Duration,
    pub analyze: std::time::Duration,
    pub evaluate: std::time::Duration,
    pub facts: std::time::Duration,
}

impl RunStats {
    fn add(&mut self, o: &RunStats) {
        self.files_analyzed += o.files_analyzed;
        self.cache_hits += o.cache_hits;
        self.collect += o.collect;
        self.analyze += o.analyze;
        self.evaluate += o.evaluate;
        self.facts += o.facts;
    }
}

fn git_err(e: RangeError) -> Error {
    Error::Git(e.to_string())
}

/// The range CI judges: `--range`, else `--base REF` (`REF..HEAD`), else the merge request's base
/// from the CI environment (GitHub `GITHUB_BASE_REF`, GitLab `CI_MERGE_REQUEST_DIFF_BASE_SHA`).
pub fn range_spec(args: &CiArgs) -> Result<String> {
    if let Some(r) = &args.range {
        return Ok(r.clone());
    }
    if let Some(b) = &args.base {
        return Ok(format!("{b}..HEAD"));
    }
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    if let Some(b) = env("CI_MERGE_REQUEST_DIFF_BASE_SHA") {
        return Ok(format!("{b}..HEAD"));
    }
    if let Some(b) = env("GITHUB_BASE_REF") {
        return Ok(format!("origin/{b}..HEAD"));
    }
    Err(Error::Usage(
        "which commits? give --range BASE..HEAD or --base REF (e.g. --base origin/main)"
            .to_string(),
    ))
}

/// `git charter ci`: judges every commit of the range, oldest first, with the base side's charter.
pub fn ci(dir: &Path, args: &CiArgs) -> Result<Report> {
    Ok(ci_with_stats(dir, args)?.0)
}

pub fn ci_with_stats(dir: &Path, args: &CiArgs) -> Result<(Report, RunStats)> {
    let spec = range_spec(args)?;
    let repo = Repo::discover_history(dir).map_err(|e| Error::Git(e.to_string()))?;
    let range = repo.range(&spec).map_err(git_err)?;
    judge_ranges(repo, &[range], Stage::Ci, "0 commits in range")
}

/// The pre-push hook. Ref lines come from git on stdin; under the pre-commit framework (which keeps
/// stdin to itself) from `PRE_COMMIT_FROM_REF` / `PRE_COMMIT_TO_REF`. `remote` and `url` are what git
/// passes; every remote-tracking ref counts as already pushed, whichever remote this is.
pub fn pre_push(
    dir: &Path,
    remote: Option<&str>,
    url: Option<&str>,
    stdin: &str,
) -> Result<Report> {
    let _ = (remote, url);
    let repo = Repo::discover_history(dir).map_err(|e| Error::Git(e.to_string()))?;
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let ranges = match (env("PRE_COMMIT_TO_REF"), env("PRE_COMMIT_FROM_REF")) {
        (Some(to), Some(from)) => vec![repo.range(&format!("{from}..{to}")).map_err(git_err)?],
        // The framework leaves FROM unset when the pushed branch holds the root commit.
        (Some(to), None) => vec![repo.unpushed(&to).map_err(git_err)?],
        // pre-commit 3/4 sets neither ref on the first push of a branch that holds the root commit
        // (it then runs with all_files) and keeps stdin to itself: judge what the branch being pushed
        // has that no remote-tracking ref has, rather than nothing.
        (None, _) if stdin.trim().is_empty() && env("PRE_COMMIT").is_some() => {
            let local = env("PRE_COMMIT_LOCAL_BRANCH").unwrap_or_else(|| "HEAD".to_string());
            vec![repo.unpushed(&local).map_err(git_err)?]
        }
        (None, _) => ranges_for_lines(&repo, &parse_ref_lines(stdin).map_err(git_err)?)?,
    };
    Ok(judge_ranges(repo, &ranges, Stage::PrePush, "nothing to push")?.0)
}

fn ranges_for_lines(repo: &Repo, lines: &[RefUpdate]) -> Result<Vec<Range>> {
    lines
        .iter()
        .map(|l| repo.pushed(l).map_err(git_err))
        .collect()
}

/// Judges the commits of several ranges (pre-push may send several branches), each commit once,
/// each range with the charter of its own base.
fn judge_ranges(
    repo: Repo,
    ranges: &[Range],
    stage: Stage,
    empty: &str,
) -> Result<(Report, RunStats)> {
    let mut seen = HashSet::new();
    let mut groups: Vec<(Option<String>, Vec<String>)> = Vec::new();
    for r in ranges {
        let at = r.charter_from.clone().or_else(|| r.tip.clone());
        let fresh: Vec<String> = r
            .commits
            .iter()
            .filter(|c| seen.insert((*c).clone()))
            .cloned()
            .collect();
        match groups.iter_mut().find(|(a, _)| *a == at) {
            Some(g) => g.1.extend(fresh),
            None => groups.push((at, fresh)),
        }
    }
    let root = repo.root().to_path_buf();
    let mut report = Report {
        stage,
        violations: Vec::new(),
        stats: Stats::default(),
        commits: 0,
        nothing: None,
        baselined: 0,
        rules: Vec::new(),
    };
    let mut run = RunStats::default();
    let mut repo = Some(repo);
    for (at, commits) in &groups {
        let repo = match repo.take() {
            Some(r) => r,
            None => Repo::discover_history(&root).map_err(|e| Error::Git(e.to_string()))?,
        };
        let files = match at {
            Some(c) => repo.charter_files(c).map_err(git_err)?,
            None => CharterFiles::default(),
        };
        let session = session_from(repo, &files)?;
        let evaluator = session.evaluator()?;
        if report.rules.is_empty() {
            report.rules = session.rule_infos(&evaluator);
        }
        let outcome = judge_commits(session, evaluator, &files, commits, stage)?;
        report.violations.extend(outcome.violations);
        add_stats(&mut report.stats, &outcome.stats);
        report.baselined += outcome.baselined;
        run.commits += commits.len();
        run.add(&outcome.run);
        run.workers = run.workers.max(outcome.run.workers);
    }
    report.commits = run.commits as u32;
    if run.commits == 0 {
        report.nothing = Some(empty.to_string());
        if report.rules.is_empty() {
            // Still list the rules in force, so a SARIF upload of an empty range clears old alerts.
            let session = session_from(
                Repo::discover_history(&root).map_err(|e| Error::Git(e.to_string()))?,
                &CharterFiles::default(),
            )?;
            report.rules = session.rule_infos(&session.evaluator()?);
        }
    }
    Ok((report, run))
}

/// A session whose charter, baseline and team policies come from `files` (one commit's `.charter/`),
/// not from the work tree: the commits being judged cannot change the rules they are judged by.
fn session_from(repo: Repo, files: &CharterFiles) -> Result<Session> {
    let label = if files.commit.is_empty() {
        "HEAD".to_string()
    } else {
        files.commit.clone()
    };
    let charter_path = PathBuf::from(format!(
        "{label}:{}/{}",
        config::CHARTER_DIR,
        config::CHARTER_FILE
    ));
    let charter = match &files.charter {
        Some(text) => config::from_team_text(&charter_path, text)?,
        None => config::default_charter(),
    };
    let loaded = LoadedCharter {
        charter,
        file: files.charter.as_ref().map(|_| charter_path.clone()),
        dir: PathBuf::from(format!("{label}:{}", config::CHARTER_DIR)),
    };
    let baseline_path = PathBuf::from(format!(
        "{label}:{}/{}",
        config::CHARTER_DIR,
        config::BASELINE_FILE
    ));
    let baseline = match &files.baseline {
        Some(text) => serde_json::from_str::<Baseline>(text)
            .map_err(|e| {
                Error::Config(config::ConfigError {
                    path: baseline_path.clone(),
                    location: Some((e.line(), e.column())),
                    message: format!("invalid baseline: {e}"),
                })
            })?
            .findings
            .into_iter()
            .map(|e| e.fingerprint)
            .collect(),
        None => HashSet::new(),
    };
    let mut extra = Vec::new();
    if let Some(rel) = &loaded.charter.secrets.gitleaks_config {
        let rel = rel.replace('\\', "/");
        let rel = rel.trim_start_matches("./");
        let text = match files.id.as_str() {
            "" => None,
            id => repo.file_at(id, rel).map_err(git_err)?,
        };
        let text = text.ok_or_else(|| {
            Error::Config(config::ConfigError {
                path: charter_path.clone(),
                location: None,
                message: format!("secrets.gitleaks_config: {rel} is not in commit {label}"),
            })
        })?;
        extra.push((format!("{label}:{rel}"), text));
    }
    let detectors = Detectors::build(&loaded, &charter_path, baseline, &extra)?;
    let sources = sources_from(&label, files);
    Ok(Session {
        repo,
        charter: loaded,
        detectors,
        sources,
        trailer_config: std::sync::OnceLock::new(),
    })
}

/// Built-ins plus the team's `.charter/policies/**.rego`, the same replacement rule as the hooks:
/// a team file at the same relative path as a built-in replaces it.
fn sources_from(label: &str, files: &CharterFiles) -> Vec<Source> {
    let mut sources = policy::builtin_sources();
    for (rel, text) in &files.policies {
        let builtin_origin = format!("{}/{rel}", config::POLICIES_DIR);
        sources.retain(|s| s.origin != builtin_origin);
        sources.push(Source {
            origin: format!(
                "{label}:{}/{}/{rel}",
                config::CHARTER_DIR,
                config::POLICIES_DIR
            ),
            text: text.clone(),
            builtin: false,
        });
    }
    sources
}

fn add_stats(into: &mut Stats, s: &Stats) {
    into.files += s.files;
    into.scanned_files += s.scanned_files;
    into.scanned_bytes += s.scanned_bytes;
    into.skipped_binary += s.skipped_binary;
    into.skipped_large += s.skipped_large;
    into.skipped_other += s.skipped_other;
    into.added_lines += s.added_lines;
    into.removed_lines += s.removed_lines;
}

/// The analysis of one changed file is a function of its path, its new blob and which of the blob's
/// lines were added; status, old path and removed lines are patched in from the commit at hand.
type CacheKey = (String, String, Vec<u32>);
type Cached = (input::File, Stats, u32);

struct Outcome {
    violations: Vec<Violation>,
    stats: Stats,
    baselined: u32,
    run: RunStats,
}

/// Splits the commits over a few workers, each with its own repository handle, detectors and policy
/// engine (built once per worker, reused for every commit), sharing one analysis cache.
fn judge_commits(
    session: Session,
    evaluator: Evaluator,
    files: &CharterFiles,
    commits: &[String],
    stage: Stage,
) -> Result<Outcome> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = cores.min(commits.len().div_ceil(COMMITS_PER_WORKER)).max(1);
    let cache = Mutex::new(HashMap::new());
    if workers == 1 {
        return Worker::new(&session, evaluator, &cache, stage).run(commits);
    }
    let root = session.repo.root().to_path_buf();
    let chunk = commits.len().div_ceil(workers);
    let chunks: Vec<&[String]> = commits.chunks(chunk).collect();
    let results: Vec<Result<Outcome>> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks[1..]
            .iter()
            .map(|part| {
                let (cache, root) = (&cache, &root);
                scope.spawn(move || -> Result<Outcome> {
                    let repo =
                        Repo::discover_history(root).map_err(|e| Error::Git(e.to_string()))?;
                    let session = session_from(repo, files)?;
                    let evaluator = session.evaluator()?;
                    Worker::new(&session, evaluator, cache, stage).run(part)
                })
            })
            .collect();
        let first = Worker::new(&session, evaluator, &cache, stage).run(chunks[0]);
        std::iter::once(first)
            .chain(handles.into_iter().map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(Error::Policy(
                        "a worker judging commits panicked".to_string(),
                    ))
                })
            }))
            .collect()
    });
    let mut total = Outcome {
        violations: Vec::new(),
        stats: Stats::default(),
        baselined: 0,
        run: RunStats {
            workers,
            ..RunStats::default()
        },
    };
    for r in results {
        let o = r?;
        total.violations.extend(o.violations);
        add_stats(&mut total.stats, &o.stats);
        total.baselined += o.baselined;
        total.run.add(&o.run);
    }
    Ok(total)
}

struct Worker<'a> {
    session: &'a Session,
    evaluator: Evaluator,
    cache: &'a Mutex<HashMap<CacheKey, Cached>>,
    stage: Stage,
    head: crate::collect::HeadInfo,
}

impl<'a> Worker<'a> {
    fn new(
        session: &'a Session,
        evaluator: Evaluator,
        cache: &'a Mutex<HashMap<CacheKey, Cached>>,
        stage: Stage,
    ) -> Worker<'a> {
        Worker {
            head: session.repo.head_info(),
            session,
            evaluator,
            cache,
            stage,
        }
    }

    fn run(mut self, commits: &[String]) -> Result<Outcome> {
        let mut out = Outcome {
            violations: Vec::new(),
            stats: Stats::default(),
            baselined: 0,
            run: RunStats {
                workers: 1,
                ..RunStats::default()
            },
        };
        for id in commits {
            self.judge(id, &mut out)?;
        }
        Ok(out)
    }

    fn judge(&mut self, id: &str, out: &mut Outcome) -> Result<()> {
        let session = self.session;
        let max = session.charter.charter.limits.max_file_size;
        let t0 = std::time::Instant::now();
        let data = session.repo.commit_data(id, max).map_err(git_err)?;
        let t1 = std::time::Instant::now();
        let mut commit =
            session.commit_facts(Some(data.message), Some(data.author), Some(data.committer));
        commit.id = Some(data.id.clone());
        let merge = data.parents.len() > 1;
        commit.parents = data.parents;
        let t2 = std::time::Instant::now();
        let (files, findings, stats, baselined) = self.analyze(data.changes, &mut out.run);
        let t3 = std::time::Instant::now();
        let input = Input {
            schema_version: input::SCHEMA_VERSION,
            stage: self.stage,
            repo: input::Repo {
                root: session.repo.root_string(),
                branch: self.head.branch.clone(),
                head: self.head.head.clone(),
                merge,
            },
            commit,
            files,
            findings,
            stats,
        };
        let mut violations = session.judge(&mut self.evaluator, &input)?;
        for v in &mut violations {
            v.commit = Some(data.id.clone());
        }
        out.run.collect += t1 - t0;
        out.run.analyze += t3 - t2;
        out.run.evaluate += t3.elapsed();
        out.run.facts += t2 - t1;
        out.violations.extend(violations);
        add_stats(&mut out.stats, &input.stats);
        out.baselined += baselined;
        out.run.commits += 1;
        Ok(())
    }

    /// `app::analyze` file by file, reusing the result for a file already analysed in another commit.
    fn analyze(
        &self,
        changes: ChangeSet,
        run: &mut RunStats,
    ) -> (
        Vec<input::File>,
        Vec<crate::detect::secrets::SecretFinding>,
        Stats,
        u32,
    ) {
        let d = &self.session.detectors;
        let mut files = Vec::with_capacity(changes.files.len());
        let mut stats = Stats::default();
        let mut baselined = 0;
        for f in changes.files {
            let key = cache_key(&f);
            let (status, old_path, removed) = (f.status, f.old_path.clone(), f.removed_lines);
            let hit = key
                .as_ref()
                .and_then(|k| self.cache.lock().ok()?.get(k).cloned());
            let (mut file, mut s, b) = match hit {
                Some(c) => {
                    run.cache_hits += 1;
                    c
                }
                None => {
                    run.files_analyzed += 1;
                    let (mut fs, _, s, b) = analyze(d, &ChangeSet { files: vec![f] });
                    let Some(file) = fs.pop() else { continue };
                    if let (Some(k), Ok(mut c)) = (key, self.cache.lock()) {
                        c.insert(k, (file.clone(), s.clone(), b));
                    }
                    (file, s, b)
                }
            };
            file.status = status;
            file.old_path = old_path;
            file.removed_lines = removed;
            s.removed_lines = u64::from(removed);
            add_stats(&mut stats, &s);
            baselined += b;
            files.push(file);
        }
        let findings = files
            .iter()
            .flat_map(|f| f.findings.iter().cloned())
            .collect();
        (files, findings, stats, baselined)
    }
}

fn cache_key(f: &ChangedFile) -> Option<CacheKey> {
    match (&f.blob, f.skipped) {
        (Some(b), None) => Some((f.path.clone(), b.clone(), f.added_line_numbers.clone())),
        _ => None,
    }
}
