//! CI and pre-push: every commit of a range judged by the same detectors and policies as the hooks,
//! with the base side's charter read from git objects. No git2 here (collect::range reads history), no printing.

use super::session::{Analysis, CharterParts, Session, rule_infos, switched_off};
use crate::collect::range::{Range, RefUpdate, parse_ref_lines};
use crate::collect::{ChangeSet, ChangedFile, CharterSource, Repo};
use crate::detect::redact::Field;
use crate::detect::secrets::SecretFinding;
use crate::error::{Error, Result};
use crate::input::{self, Stats};
use crate::model::Stage;
use crate::policy::Evaluator;
use crate::report::progress::Progress;
use crate::report::{Report, Suppressed, Totals};
use std::collections::{HashMap, HashSet};
use std::path::Path;
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

/// Which commits `ci` judges, as the command line gives them.
#[derive(Debug, Clone, Default)]
pub struct CiRange {
    /// `BASE..HEAD`.
    pub range: Option<String>,
    /// Shorthand for `BASE..HEAD`.
    pub base: Option<String>,
    /// Write each judged commit's record to the notes ref (`ci --attest`).
    pub attest: bool,
}

/// The range CI judges: `--range`, else `--base REF` (`REF..HEAD`), else a base from the CI's
/// environment, the first that is set (and usable) in this order:
///
/// | CI | variable | range |
/// |----|----------|-------|
/// | GitLab, merge request pipeline | `CI_MERGE_REQUEST_DIFF_BASE_SHA` | `SHA..HEAD` (`SHA..CI_MERGE_REQUEST_SOURCE_BRANCH_SHA` in a merged results pipeline) |
/// | GitLab, branch pipeline | `CI_COMMIT_BEFORE_SHA`, unless all zeros | `SHA..HEAD` |
/// | GitHub, pull request | `GITHUB_BASE_REF` | `origin/BRANCH..HEAD` |
/// | GitHub, push | `before` in the event file `GITHUB_EVENT_PATH` when `GITHUB_EVENT_NAME` is `push`, unless all zeros | `SHA..HEAD` |
/// | Bitbucket, pull request | `BITBUCKET_PR_DESTINATION_COMMIT` | `SHA..HEAD` |
/// | Azure Pipelines, pull request | `SYSTEM_PULLREQUEST_TARGETBRANCH` (`refs/heads/` stripped) | `origin/BRANCH..HEAD` |
/// | Buildkite, pull request | `BUILDKITE_PULL_REQUEST_BASE_BRANCH`, unless `false` | `origin/BRANCH..HEAD` |
///
/// CircleCI names no base. An all-zero id is a branch's first push: there is no "before", so the
/// next source is tried, and when none is left the usage error says which variable was set but
/// unusable (the fix is `--base` with the default branch). docs/ci.md has the same table.
pub fn range_spec(args: &CiRange) -> Result<String> {
    range_spec_from(args, |k| std::env::var(k).ok())
}

/// `range_spec` over any variable lookup, so it is tested without touching the process environment.
fn range_spec_from(args: &CiRange, var: impl Fn(&str) -> Option<String>) -> Result<String> {
    if let Some(r) = &args.range {
        return Ok(r.clone());
    }
    if let Some(b) = &args.base {
        return Ok(format!("{b}..HEAD"));
    }
    let env = |k: &str| {
        var(k)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    // Variables that were set but could not be used, for the error.
    let mut unusable = Vec::new();
    if let Some(b) = env("CI_MERGE_REQUEST_DIFF_BASE_SHA") {
        // A merged results pipeline checks out GitLab's merge of the MR into its target; the MR's
        // own commits end at its source branch's tip, which GitLab sets only there.
        let tip = env("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA").unwrap_or_else(|| "HEAD".to_string());
        return Ok(format!("{b}..{tip}"));
    }
    if let Some(b) = not_zero(
        "CI_COMMIT_BEFORE_SHA",
        env("CI_COMMIT_BEFORE_SHA"),
        &mut unusable,
    ) {
        return Ok(format!("{b}..HEAD"));
    }
    if let Some(b) = env("GITHUB_BASE_REF") {
        return Ok(format!("origin/{b}..HEAD"));
    }
    if env("GITHUB_EVENT_NAME").as_deref() == Some("push") {
        match env("GITHUB_EVENT_PATH").map(|p| push_before(Path::new(&p))) {
            Some(Ok(before)) => {
                if let Some(b) = not_zero("the push event's `before`", Some(before), &mut unusable)
                {
                    return Ok(format!("{b}..HEAD"));
                }
            }
            Some(Err(why)) => unusable.push(format!("GITHUB_EVENT_PATH: {why}")),
            None => {}
        }
    }
    if let Some(b) = env("BITBUCKET_PR_DESTINATION_COMMIT") {
        return Ok(format!("{b}..HEAD"));
    }
    if let Some(b) = env("SYSTEM_PULLREQUEST_TARGETBRANCH") {
        let b = b.strip_prefix("refs/heads/").unwrap_or(&b);
        return Ok(format!("origin/{b}..HEAD"));
    }
    if let Some(b) = env("BUILDKITE_PULL_REQUEST_BASE_BRANCH").filter(|b| b != "false") {
        return Ok(format!("origin/{b}..HEAD"));
    }
    let mut msg = "which commits? give --range BASE..HEAD or --base REF (e.g. --base origin/main)"
        .to_string();
    if !unusable.is_empty() {
        msg.push_str(&format!(" ({})", unusable.join("; ")));
    }
    Err(Error::Usage(msg))
}

/// `id`, unless it is all zeros (noted in `unusable` as `name`'s).
fn not_zero(name: &str, id: Option<String>, unusable: &mut Vec<String>) -> Option<String> {
    match id {
        Some(id) if is_zero_id(&id) => {
            unusable.push(format!("{name} is all zeros (the first push of a branch)"));
            None
        }
        id => id,
    }
}

/// A GitHub event file larger than this is not a push event (GitHub caps webhook payloads at 25 MB,
/// and a push's lists only its first 20 commits).
const EVENT_FILE_MAX: u64 = 32 << 20;

/// `before` of a GitHub push event file: the branch's tip before the push.
fn push_before(path: &Path) -> std::result::Result<String, String> {
    use std::io::Read;
    #[derive(serde::Deserialize)]
    struct Push {
        before: Option<String>,
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(EVENT_FILE_MAX + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("cannot read the event file: {e}"))?;
    if bytes.len() as u64 > EVENT_FILE_MAX {
        return Err("the event file is too large".to_string());
    }
    let push: Push =
        serde_json::from_slice(&bytes).map_err(|e| format!("the event file is not JSON: {e}"))?;
    match push.before {
        Some(b) if is_object_id(&b) => Ok(b),
        Some(_) => Err("the push event's `before` is not a commit id".to_string()),
        None => Err("the push event has no `before`".to_string()),
    }
}

/// A full SHA-1 or SHA-256 object id in hex.
fn is_object_id(s: &str) -> bool {
    matches!(s.len(), 40 | 64) && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// git's and the CIs' "no commit": all zeros (a created branch has no tip before the push).
fn is_zero_id(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b == b'0')
}

/// `git charter ci`: judges every commit of the range, oldest first, with the base side's charter.
pub fn ci(dir: &Path, args: &CiRange) -> Result<Report> {
    Ok(ci_with_stats(dir, args)?.0)
}

pub fn ci_with_stats(dir: &Path, args: &CiRange) -> Result<(Report, RunStats)> {
    let spec = range_spec(args)?;
    let repo = Repo::discover_history(dir)?;
    let range = repo.range(&spec)?;
    let root = repo.root().to_path_buf();
    let mode = if args.attest {
        Mode::Attest
    } else {
        Mode::Verdict
    };
    let (report, stats, records) =
        judge_ranges(repo, &[range], &[], Stage::Ci, "0 commits in range", mode)?;
    if args.attest {
        super::attest::write_records(&Repo::discover_history(&root)?, &records)?;
    }
    Ok((report, stats))
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
    let repo = Repo::discover_history(dir)?;
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    // Ref lines on stdin mean git ran this hook itself: the framework's variables, left in a shell
    // (`PRE_COMMIT_FROM_REF=HEAD PRE_COMMIT_TO_REF=HEAD git push`), must not replace what git says
    // is being pushed, or they switch the hook off without a word.
    let framework_refs = stdin.trim().is_empty();
    let to_ref = env("PRE_COMMIT_TO_REF").filter(|_| framework_refs);
    let from_ref = env("PRE_COMMIT_FROM_REF").filter(|_| framework_refs);
    let mut empty = "nothing to push";
    // The ref names a push publishes are scanned like every user-controlled string.
    let mut refs = Vec::new();
    let ranges = match (to_ref, from_ref) {
        (Some(to), Some(from)) => {
            // The values are not echoed: ref names are user-controlled (and scanned) strings.
            empty = "PRE_COMMIT_FROM_REF..PRE_COMMIT_TO_REF holds no commits";
            vec![repo.range(&format!("{from}..{to}"))?]
        }
        // The framework leaves FROM unset when the pushed branch holds the root commit.
        (Some(to), None) => vec![repo.unpushed(&to)?],
        // pre-commit 3/4 sets neither ref on the first push of a branch that holds the root commit
        // (it then runs with all_files) and keeps stdin to itself: judge what the branch being pushed
        // has that no remote-tracking ref has, rather than nothing.
        (None, _) if stdin.trim().is_empty() && env("PRE_COMMIT").is_some() => {
            let local = env("PRE_COMMIT_LOCAL_BRANCH").unwrap_or_else(|| "HEAD".to_string());
            vec![repo.unpushed(&local)?]
        }
        (None, _) => {
            let lines = parse_ref_lines(stdin)?;
            for l in lines.iter().filter(|l| !l.is_delete()) {
                refs.push(l.local_ref.clone());
                if l.remote_ref != l.local_ref {
                    refs.push(l.remote_ref.clone());
                }
            }
            ranges_for_lines(&repo, &lines)?
        }
    };
    Ok(judge_ranges(repo, &ranges, &refs, Stage::PrePush, empty, Mode::Verdict)?.0)
}

/// One range per distinct (local, remote) pair: the ranges depend on nothing else, and a push of many
/// refs at the same commits (or a hostile stdin repeating one line millions of times) walks once.
fn ranges_for_lines(repo: &Repo, lines: &[RefUpdate]) -> Result<Vec<Range>> {
    let mut seen = HashSet::new();
    Ok(lines
        .iter()
        .filter(|l| seen.insert((l.local_sha.as_str(), l.remote_sha.as_str())))
        .map(|l| repo.pushed(l))
        .collect::<Result<_, _>>()?)
}

/// Judges the commits of several ranges (pre-push may send several branches), each commit once,
/// each range with the charter of its own base.
/// `refs` are the ref names a push sends: secrets in them are reported with the first commit
/// judged (`<ref name>`).
fn judge_ranges(
    repo: Repo,
    ranges: &[Range],
    refs: &[String],
    stage: Stage,
    empty: &str,
    mode: Mode,
) -> Result<(Report, RunStats, Vec<crate::attestation::Attestation>)> {
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
    let mut totals = Totals::default();
    let mut rules = Vec::new();
    let mut run = RunStats::default();
    let mut off: Vec<String> = Vec::new();
    let mut repo = Some(repo);
    let mut records = Vec::new();
    let mut refs_reported = false;
    let total: usize = groups.iter().map(|(_, c)| c.len()).sum();
    let progress = Progress::new(Some(total as u64), "commits");
    for (at, commits) in &groups {
        let repo = match repo.take() {
            Some(r) => r,
            None => Repo::discover_history(&root)?,
        };
        let parts = CharterParts::read(&CharterSource::commit(&repo, at.as_deref())?)?;
        for s in switched_off(&parts.charter.charter) {
            if !off.contains(&s) {
                off.push(s);
            }
        }
        let session = Session::new(repo, parts.clone())?;
        let evaluator = session.evaluator()?;
        if rules.is_empty() {
            rules = rule_infos(&evaluator);
        }
        // Reported once, with the first commit judged (by the charter that judges it).
        let mut in_refs = Vec::new();
        if !refs_reported && !commits.is_empty() {
            refs_reported = true;
            let redactor = session.detectors.redactor();
            for r in refs {
                redactor.text(Field::Ref, r, &mut in_refs);
            }
            in_refs.retain(|f| !session.detectors.baseline.contains(&f.fingerprint));
        }
        let outcome = judge_commits(
            session, evaluator, &parts, commits, stage, in_refs, &progress, mode,
        )?;
        records.extend(outcome.attestations);
        totals.add(outcome.totals);
        run.commits += commits.len();
        run.add(&outcome.run);
        run.workers = run.workers.max(outcome.run.workers);
    }
    let mut nothing = None;
    if run.commits == 0 {
        nothing = Some(empty.to_string());
        if rules.is_empty() {
            // Still list the rules in force, so a SARIF upload of an empty range clears old alerts.
            let repo = Repo::discover_history(&root)?;
            let parts = CharterParts::read(&CharterSource::commit(&repo, None)?)?;
            rules = rule_infos(&Session::new(repo, parts)?.evaluator()?);
        }
    }
    Ok((
        Report::new(stage, totals, nothing, rules).with_switched_off(off),
        run,
        records,
    ))
}

/// The analysis of one changed file is a function of its path, its new blob, which of the blob's
/// lines were added and whether the commit introduces the path (its secrets are then reported);
/// status, old path and removed lines are patched in from the commit at hand.
type CacheKey = (String, String, Vec<u32>, bool);
type Cached = (input::File, Stats, u32);

pub(crate) struct Outcome {
    pub totals: Totals,
    pub run: RunStats,
    /// `git charter report` only: each commit's record and trail, in the order judged.
    pub records: Vec<(crate::kpi::Record, Trail)>,
    /// `attest` and `ci --attest`: each commit's record, in the order judged.
    pub attestations: Vec<crate::attestation::Attestation>,
}

/// What `report` needs of a commit beyond its record, to follow the secrets it introduced: the
/// paths it changed, and each secret's path and fingerprint (in the record's order).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Trail {
    /// (path, old path of a rename, deleted), redacted as every path the report keeps.
    pub changes: Vec<(String, Option<String>, bool)>,
    /// (path, fingerprint) per secret of the record; `None` for one in the commit's own fields.
    pub secrets: Vec<Option<(String, String)>>,
}

/// What a worker is judging for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The verdict (ci, pre-push).
    Verdict,
    /// The verdict and every commit's record (report): a commit too large to judge is recorded
    /// as unjudged instead of stopping the run.
    Report,
    /// The verdict and every commit's provenance record (`attest`, `ci --attest`).
    Attest,
}

/// Splits the commits over a few workers, each with its own repository handle, detectors and policy
/// engine (built once per worker, reused for every commit), sharing one analysis cache.
#[allow(clippy::too_many_arguments)]
pub(crate) fn judge_commits(
    session: Session,
    evaluator: Evaluator,
    parts: &CharterParts,
    commits: &[String],
    stage: Stage,
    in_refs: Vec<SecretFinding>,
    progress: &Progress,
    mode: Mode,
) -> Result<Outcome> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = cores.min(commits.len().div_ceil(COMMITS_PER_WORKER)).max(1);
    let cache = Mutex::new(HashMap::new());
    if workers == 1 {
        return Worker::new(&session, evaluator, &cache, stage, in_refs, progress, mode)
            .run(commits);
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
                    let session = Session::new(Repo::discover_history(root)?, parts.clone())?;
                    let evaluator = session.evaluator()?;
                    Worker::new(
                        &session,
                        evaluator,
                        cache,
                        stage,
                        Vec::new(),
                        progress,
                        mode,
                    )
                    .run(part)
                })
            })
            .collect();
        let first =
            Worker::new(&session, evaluator, &cache, stage, in_refs, progress, mode).run(chunks[0]);
        std::iter::once(first)
            .chain(
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))),
            )
            .collect()
    });
    let mut total = Outcome {
        totals: Totals::default(),
        run: RunStats {
            workers,
            ..RunStats::default()
        },
        records: Vec::new(),
        attestations: Vec::new(),
    };
    for r in results {
        let o = r?;
        total.totals.add(o.totals);
        total.run.add(&o.run);
        total.records.extend(o.records);
        total.attestations.extend(o.attestations);
    }
    Ok(total)
}

struct Worker<'a> {
    session: &'a Session,
    /// Findings in the pushed ref names, added to the first commit this worker judges.
    in_refs: Vec<SecretFinding>,
    evaluator: Evaluator,
    cache: &'a Mutex<HashMap<CacheKey, Cached>>,
    stage: Stage,
    head: crate::collect::HeadInfo,
    progress: &'a Progress,
    mode: Mode,
    /// What each record names besides the commit (`Mode::Attest` only).
    attest: Option<super::attest::AttestParts>,
}

impl<'a> Worker<'a> {
    fn new(
        session: &'a Session,
        evaluator: Evaluator,
        cache: &'a Mutex<HashMap<CacheKey, Cached>>,
        stage: Stage,
        in_refs: Vec<SecretFinding>,
        progress: &'a Progress,
        mode: Mode,
    ) -> Worker<'a> {
        // Commits are judged as stored: a merge being concluded in the work tree is not theirs.
        let head = crate::collect::HeadInfo {
            merging: false,
            ..session.repo.head_info()
        };
        let attest =
            (mode == Mode::Attest).then(|| super::attest::AttestParts::of(session, &evaluator));
        Worker {
            attest,
            head,
            in_refs,
            session,
            evaluator,
            cache,
            stage,
            progress,
            mode,
        }
    }

    fn run(mut self, commits: &[String]) -> Result<Outcome> {
        let mut out = Outcome {
            totals: Totals::default(),
            run: RunStats {
                workers: 1,
                ..RunStats::default()
            },
            records: Vec::new(),
            attestations: Vec::new(),
        };
        for id in commits {
            self.judge(id, &mut out)?;
            self.progress.inc(1);
        }
        Ok(out)
    }

    fn judge(&mut self, id: &str, out: &mut Outcome) -> Result<()> {
        let session = self.session;
        let max = session.charter.charter.limits.max_file_size;
        let t0 = std::time::Instant::now();
        let data = session.repo.commit_data(id, max)?;
        let t1 = std::time::Instant::now();
        if self.mode == Mode::Report
            && data.changes.files.len() as u64 > session.charter.charter.limits.max_files
        {
            out.records.push(super::kpi::unjudged(session, &data));
            out.totals.commits += 1;
            out.run.commits += 1;
            return Ok(());
        }
        let trail = (self.mode == Mode::Report).then(|| super::kpi::trail_of(session, &data));
        let (author_time, committer_time) = (data.author_time, data.committer_time);
        let mut commit =
            session.commit_facts(Some(data.message), Some(data.author), Some(data.committer));
        commit.id = Some(data.id.clone());
        commit.findings.append(&mut self.in_refs);
        commit.parents = data.parents;
        session.add_provenance(&mut commit, Some(&data.id), &data.changes);
        session.add_signatures(&mut commit, &data.id)?;
        let t2 = std::time::Instant::now();
        let analysis = self.analyze(data.changes, &mut out.run);
        let t3 = std::time::Instant::now();
        let baselined = analysis.baselined;
        let input = session.input(self.stage, &self.head, commit, analysis);
        let (judged, facts) = match self.mode {
            Mode::Verdict => (session.judge(&mut self.evaluator, &input)?, None),
            Mode::Report | Mode::Attest => session.judge_with_facts(&mut self.evaluator, &input)?,
        };
        if let Some(parts) = &self.attest {
            let tree = session.repo.commit_ids(&data.id)?.tree;
            out.attestations.push(parts.record(
                &input,
                &judged.violations,
                facts.as_ref(),
                tree,
                committer_time,
            ));
        }
        if let Some(trail) = trail {
            let times = (author_time, committer_time);
            let mut record = super::kpi::record(&input, &judged, facts, times);
            super::kpi::merge_latency(session, &mut record)?;
            out.records
                .push(super::kpi::with_secrets(record, trail, &input));
        }
        let mut violations = judged.violations;
        for v in &mut violations {
            v.commit = Some(data.id.clone());
        }
        let mut suppressed = Suppressed::of(&input, Some(data.id.as_str()));
        suppressed.extend(Suppressed::waived(judged.waived, Some(data.id.as_str())));
        out.run.collect += t1 - t0;
        out.run.analyze += t3 - t2;
        out.run.evaluate += t3.elapsed();
        out.run.facts += t2 - t1;
        let subjects = if violations.is_empty() {
            Vec::new()
        } else {
            let subject = input.commit.subject.as_ref().map(|s| s.to_string());
            vec![(data.id.clone(), subject.unwrap_or_default())]
        };
        out.totals.add(Totals {
            subjects,
            violations,
            suppressed,
            stats: input.stats,
            commits: 1,
            baselined,
        });
        out.run.commits += 1;
        Ok(())
    }

    /// `Detectors::analyze` file by file, reusing the result for a file already analysed in another commit.
    fn analyze(&self, changes: ChangeSet, run: &mut RunStats) -> Analysis {
        let d = &self.session.detectors;
        let mut analysis = Analysis::default();
        // The manifests' own changes and facts, kept to mask their secrets in the dependency facts.
        let mut manifests: (Vec<ChangedFile>, Vec<input::File>) = (Vec::new(), Vec::new());
        for f in changes.files {
            let manifest = changes
                .deps
                .iter()
                .any(|m| m.changed && m.path == f.path)
                .then(|| f.clone());
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
                    let mut a = d.analyze(&ChangeSet {
                        files: vec![f],
                        deps: Vec::new(),
                    });
                    let Some(file) = a.files.pop() else { continue };
                    if let (Some(k), Ok(mut c)) = (key, self.cache.lock()) {
                        c.insert(k, (file.clone(), a.stats.clone(), a.baselined));
                    }
                    (file, a.stats, a.baselined)
                }
            };
            file.status = status;
            file.old_path = d.old_path(old_path.as_deref());
            file.removed_lines = removed;
            s.removed_lines = u64::from(removed);
            analysis.stats += &s;
            analysis.baselined += b;
            if let Some(m) = manifest {
                manifests.0.push(m);
                manifests.1.push(file.clone());
            }
            analysis.files.push(file);
        }
        if !changes.deps.is_empty() {
            let known = crate::app::session::known_secrets(&manifests.0, &manifests.1);
            (analysis.manifests, analysis.dependencies) =
                d.dependencies(&changes.deps, known.as_ref());
        }
        analysis
    }
}

fn cache_key(f: &ChangedFile) -> Option<CacheKey> {
    match (&f.blob, f.skipped) {
        (Some(b), None) => Some((
            f.path.clone(),
            b.clone(),
            f.added_line_numbers.clone(),
            crate::app::session::introduces_path(f),
        )),
        _ => None,
    }
}

#[cfg(test)]
mod range_spec_tests {
    use super::*;

    const ZERO: &str = "0000000000000000000000000000000000000000";
    const SHA: &str = "5b0d6a3c1e0f9d2a7c4b8e6f1a2d3c4b5e6f7a8b";

    /// `range_spec_from` with no arguments and exactly these variables set.
    fn spec(vars: &[(&str, &str)]) -> Result<String> {
        range_spec_from(&CiRange::default(), |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        })
    }

    fn event(json: &str) -> tempfile::NamedTempFile {
        let f = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(f.path(), json).unwrap();
        f
    }

    fn usage(r: Result<String>) -> String {
        match r {
            Err(Error::Usage(m)) => m,
            other => panic!("expected a usage error, got {other:?}"),
        }
    }

    #[test]
    fn arguments_win_over_every_variable() {
        let vars = |k: &str| (k == "CI_MERGE_REQUEST_DIFF_BASE_SHA").then(|| SHA.to_string());
        let range = CiRange {
            range: Some("a..b".into()),
            ..CiRange::default()
        };
        assert_eq!(range_spec_from(&range, vars).unwrap(), "a..b");
        let base = CiRange {
            base: Some("origin/dev".into()),
            ..CiRange::default()
        };
        assert_eq!(range_spec_from(&base, vars).unwrap(), "origin/dev..HEAD");
    }

    #[test]
    fn gitlab_merge_request_base_then_commit_before() {
        assert_eq!(
            spec(&[
                ("CI_MERGE_REQUEST_DIFF_BASE_SHA", "abc123"),
                ("CI_COMMIT_BEFORE_SHA", SHA)
            ])
            .unwrap(),
            "abc123..HEAD"
        );
        // A merged results pipeline: HEAD is GitLab's merge, the MR ends at its source branch's tip.
        assert_eq!(
            spec(&[
                ("CI_MERGE_REQUEST_DIFF_BASE_SHA", "abc123"),
                ("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA", SHA)
            ])
            .unwrap(),
            format!("abc123..{SHA}")
        );
        assert_eq!(
            spec(&[("CI_COMMIT_BEFORE_SHA", SHA)]).unwrap(),
            format!("{SHA}..HEAD")
        );
        // An empty variable is an unset one (GitLab defines many as "").
        assert_eq!(
            spec(&[
                ("CI_MERGE_REQUEST_DIFF_BASE_SHA", ""),
                ("CI_COMMIT_BEFORE_SHA", SHA)
            ])
            .unwrap(),
            format!("{SHA}..HEAD")
        );
    }

    #[test]
    fn all_zero_before_falls_through_and_is_named_in_the_error() {
        let m = usage(spec(&[("CI_COMMIT_BEFORE_SHA", ZERO)]));
        assert!(
            m.starts_with("which commits? give --range BASE..HEAD or --base REF"),
            "{m}"
        );
        assert!(
            m.contains("CI_COMMIT_BEFORE_SHA is all zeros (the first push of a branch)"),
            "{m}"
        );
        // ...and the next source is still used.
        assert_eq!(
            spec(&[("CI_COMMIT_BEFORE_SHA", ZERO), ("GITHUB_BASE_REF", "main")]).unwrap(),
            "origin/main..HEAD"
        );
    }

    #[test]
    fn no_variable_is_the_pinned_usage_error() {
        // tests/cmd/ci-without-range.toml pins this text.
        assert_eq!(
            usage(spec(&[])),
            "which commits? give --range BASE..HEAD or --base REF (e.g. --base origin/main)"
        );
    }

    #[test]
    fn github_pull_request_base_ref() {
        assert_eq!(
            spec(&[("GITHUB_BASE_REF", "release/1.x")]).unwrap(),
            "origin/release/1.x..HEAD"
        );
    }

    #[test]
    fn github_push_reads_before_from_the_event_file() {
        let f = event(&format!(
            r#"{{"ref": "refs/heads/main", "before": "{SHA}", "after": "{ZERO}"}}"#
        ));
        let path = f.path().to_str().unwrap();
        assert_eq!(
            spec(&[("GITHUB_EVENT_NAME", "push"), ("GITHUB_EVENT_PATH", path)]).unwrap(),
            format!("{SHA}..HEAD")
        );
        // Only push events have a `before` that means "the branch's previous tip".
        usage(spec(&[
            ("GITHUB_EVENT_NAME", "workflow_dispatch"),
            ("GITHUB_EVENT_PATH", path),
        ]));
        // A pull request's GITHUB_BASE_REF comes first.
        assert_eq!(
            spec(&[
                ("GITHUB_BASE_REF", "main"),
                ("GITHUB_EVENT_NAME", "push"),
                ("GITHUB_EVENT_PATH", path)
            ])
            .unwrap(),
            "origin/main..HEAD"
        );
    }

    #[test]
    fn github_push_of_a_new_branch_or_a_bad_event_file_is_explained() {
        let zero = event(&format!(r#"{{"before": "{ZERO}"}}"#));
        let m = usage(spec(&[
            ("GITHUB_EVENT_NAME", "push"),
            ("GITHUB_EVENT_PATH", zero.path().to_str().unwrap()),
        ]));
        assert!(m.contains("the push event's `before` is all zeros"), "{m}");
        // A `before` that is not a commit id is not spliced into a range (`a..b`, `--all`).
        let odd = event(r#"{"before": "HEAD~3..main"}"#);
        let m = usage(spec(&[
            ("GITHUB_EVENT_NAME", "push"),
            ("GITHUB_EVENT_PATH", odd.path().to_str().unwrap()),
        ]));
        assert!(
            m.contains("GITHUB_EVENT_PATH: the push event's `before` is not a commit id"),
            "{m}"
        );
        let bad = event("not json");
        let m = usage(spec(&[
            ("GITHUB_EVENT_NAME", "push"),
            ("GITHUB_EVENT_PATH", bad.path().to_str().unwrap()),
        ]));
        assert!(
            m.contains("GITHUB_EVENT_PATH: the event file is not JSON"),
            "{m}"
        );
        let m = usage(spec(&[
            ("GITHUB_EVENT_NAME", "push"),
            ("GITHUB_EVENT_PATH", "/nonexistent/event.json"),
        ]));
        assert!(
            m.contains("GITHUB_EVENT_PATH: cannot read the event file"),
            "{m}"
        );
        // A SHA-256 repository's ids are 64 hex digits.
        let sha256 = "ab".repeat(32);
        let f = event(&format!(r#"{{"before": "{sha256}"}}"#));
        assert_eq!(
            spec(&[
                ("GITHUB_EVENT_NAME", "push"),
                ("GITHUB_EVENT_PATH", f.path().to_str().unwrap())
            ])
            .unwrap(),
            format!("{sha256}..HEAD")
        );
    }

    #[test]
    fn bitbucket_azure_and_buildkite_pull_requests() {
        assert_eq!(
            spec(&[("BITBUCKET_PR_DESTINATION_COMMIT", "9f8e7d6c5b4a")]).unwrap(),
            "9f8e7d6c5b4a..HEAD"
        );
        assert_eq!(
            spec(&[("SYSTEM_PULLREQUEST_TARGETBRANCH", "refs/heads/main")]).unwrap(),
            "origin/main..HEAD"
        );
        assert_eq!(
            spec(&[("SYSTEM_PULLREQUEST_TARGETBRANCH", "develop")]).unwrap(),
            "origin/develop..HEAD"
        );
        assert_eq!(
            spec(&[("BUILDKITE_PULL_REQUEST_BASE_BRANCH", "main")]).unwrap(),
            "origin/main..HEAD"
        );
        // Buildkite sets "false" (and its PR variables empty) on a build that is no pull request.
        usage(spec(&[
            ("BUILDKITE_PULL_REQUEST", "false"),
            ("BUILDKITE_PULL_REQUEST_BASE_BRANCH", "false"),
        ]));
        usage(spec(&[("BUILDKITE_PULL_REQUEST_BASE_BRANCH", "")]));
    }

    #[test]
    fn sources_are_tried_in_the_documented_order() {
        let before = "1".repeat(40);
        let f = event(&format!(r#"{{"before": "{before}"}}"#));
        let path = f.path().to_str().unwrap();
        // Each source's variables and the range it gives, in docs/ci.md's order.
        let sources: [(&[(&str, &str)], String); 7] = [
            (
                &[("CI_MERGE_REQUEST_DIFF_BASE_SHA", "gitlab-mr")],
                "gitlab-mr..HEAD".into(),
            ),
            (&[("CI_COMMIT_BEFORE_SHA", SHA)], format!("{SHA}..HEAD")),
            (
                &[("GITHUB_BASE_REF", "github-pr")],
                "origin/github-pr..HEAD".into(),
            ),
            (
                &[("GITHUB_EVENT_NAME", "push"), ("GITHUB_EVENT_PATH", path)],
                format!("{before}..HEAD"),
            ),
            (
                &[("BITBUCKET_PR_DESTINATION_COMMIT", "bitbucket")],
                "bitbucket..HEAD".into(),
            ),
            (
                &[("SYSTEM_PULLREQUEST_TARGETBRANCH", "refs/heads/azure")],
                "origin/azure..HEAD".into(),
            ),
            (
                &[("BUILDKITE_PULL_REQUEST_BASE_BRANCH", "buildkite")],
                "origin/buildkite..HEAD".into(),
            ),
        ];
        for i in 0..sources.len() {
            let vars: Vec<(&str, &str)> = sources[i..]
                .iter()
                .flat_map(|(v, _)| v.iter().copied())
                .collect();
            assert_eq!(spec(&vars).unwrap(), sources[i].1, "with {vars:?}");
        }
    }
}
