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

/// The range CI judges: `--range`, else `--base REF` (`REF..HEAD`), else the merge request's base
/// from the CI environment (GitHub `GITHUB_BASE_REF`, GitLab `CI_MERGE_REQUEST_DIFF_BASE_SHA`).
pub fn range_spec(args: &CiRange) -> Result<String> {
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
        out.totals.add(Totals {
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
