//! `scan` and `baseline`: files on disk through the same detectors and policies as the hooks.

use super::session::{
    self, CharterParts, Detectors, charter_root, judge, make_evaluator, read_baseline, rule_infos,
};
use crate::collect::files::{self, DiskFile};
use crate::collect::{CharterSource, GitError};
use crate::config::baseline::{Baseline, BaselineEntry};
use crate::detect::redact::{Field, KnownSecrets};
use crate::detect::secrets::HiddenFinding;
use crate::error::{Error, Result};
use crate::fsutil::{self, WriteOptions};
use crate::input::{self, Input, Stats};
use crate::model::{FileStatus, Stage};
use crate::pattern::LineMap;
use crate::report::progress::Progress;
use crate::report::{Report, Suppressed, Totals};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

struct Scanned {
    /// Files with findings or insecure patterns, sorted by path.
    files: Vec<input::File>,
    stats: Stats,
    baselined: u32,
    /// What filters, allowlists and the baseline removed in files that are not in `files`.
    hidden: Vec<HiddenFinding>,
    /// Class signals inline markers silenced in files that are not in `files`.
    silenced: Vec<input::SilencedSignal>,
}

/// What scanning one whole file (on disk, or a blob of history) found.
pub(super) struct One {
    /// The file as the input document lists it, when it has findings or insecure patterns (its
    /// hidden candidates and silenced signals inside); `None` for a clean file.
    pub file: Option<input::File>,
    /// What filters, allowlists and the baseline removed, when `file` is `None` (only listed).
    pub hidden: Vec<HiddenFinding>,
    pub silenced: Vec<input::SilencedSignal>,
    pub baselined: u32,
    /// The secret values the file's findings hold (`session::secret_values`), to mask in every
    /// other file's previews once the scan is done.
    pub secrets: Vec<Vec<u8>>,
}

/// Judges one whole file (or, with a `Mapped` line map, the lines a blob adds to its previous
/// version), its path too; from here on it is named by the redacted path.
pub(super) fn scan_one(
    d: &Detectors,
    path: &str,
    content: &[u8],
    lines: LineMap<'_>,
    size: u64,
    skipped: Option<crate::model::SkipReason>,
    use_baseline: bool,
) -> One {
    let mut findings = Vec::new();
    let mut path_baselined = 0;
    let mut hidden = Vec::new();
    let path = d.file_path(
        path,
        true,
        use_baseline,
        &mut findings,
        &mut path_baselined,
        &mut hidden,
    );
    let facts = d.scan_content(&path, content, lines, use_baseline);
    findings.extend(facts.findings);
    hidden.extend(facts.hidden);
    let baselined = facts.baselined + path_baselined;
    let secrets = session::secret_values(content, &findings, &hidden)
        .map(<[u8]>::to_vec)
        .collect();
    // Only files with something to say enter the input document: a tree of thousands of clean
    // files would make every policy iterate over them for nothing. Counts are in `stats`.
    if findings.is_empty() && facts.insecure.is_empty() {
        // Not a file of the document (policies never see it): its hidden candidates are only listed.
        return One {
            file: None,
            hidden,
            silenced: facts.silenced,
            baselined,
            secrets,
        };
    }
    let added_lines = memchr::memchr_iter(b'\n', content).count() as u32 + 1;
    One {
        file: Some(input::File {
            tier: d.classifier().tier(&path),
            bulk_excluded: d.classifier().bulk_excluded(&path),
            classes: d.classifier().classify(&path, content),
            path,
            status: FileStatus::Added,
            old_path: None,
            size,
            binary: false,
            skipped,
            added_lines,
            removed_lines: 0,
            findings,
            insecure: facts.insecure,
            hidden,
            silenced: facts.silenced,
            content: None,
            parsed: None,
        }),
        hidden: Vec::new(),
        silenced: Vec::new(),
        baselined,
        secrets,
    }
}

fn scan_files(
    d: &Detectors,
    roots: &[PathBuf],
    base: &Path,
    max: u64,
    use_baseline: bool,
    no_ignore: bool,
) -> Result<Scanned> {
    let acc = Mutex::new((Stats::default(), 0u32));
    let kept = Mutex::new(Vec::<input::File>::new());
    let orphans = Mutex::new((Vec::<HiddenFinding>::new(), Vec::new()));
    let secrets = Mutex::new(Vec::<Vec<u8>>::new());
    let progress = Progress::new(None, "files");
    let bytes = std::sync::atomic::AtomicU64::new(0);
    files::walk(roots, base, max, no_ignore, |f: DiskFile| {
        if progress.active() {
            let total = bytes.fetch_add(f.size, std::sync::atomic::Ordering::Relaxed) + f.size;
            progress.message(format!("{} MiB", total >> 20));
        }
        progress.inc(1);
        let content: &[u8] = f.content.as_deref().unwrap_or(b"");
        let whole = LineMap::Contiguous { first: 1 };
        let one = scan_one(d, &f.path, content, whole, f.size, f.skipped, use_baseline);
        {
            let mut a = acc.lock().expect("not poisoned");
            a.0.count(f.skipped, 0, 0, f.size);
            a.1 += one.baselined;
        }
        if !one.secrets.is_empty() {
            secrets.lock().expect("not poisoned").extend(one.secrets);
        }
        match one.file {
            Some(file) => kept.lock().expect("not poisoned").push(file),
            None => {
                let mut o = orphans.lock().expect("not poisoned");
                o.0.extend(one.hidden);
                o.1.extend(one.silenced);
            }
        }
    })?;
    let (stats, baselined) = acc.into_inner().expect("not poisoned");
    let mut files = kept.into_inner().expect("not poisoned");
    files.sort_by(|a, b| a.path.cmp(&b.path));
    // Findings in path, line, column order (the document lists them in file order).
    for f in &mut files {
        f.findings.sort_by_key(|x| (x.line, x.column));
        f.hidden.sort_by_key(|x| (x.finding.line, x.finding.column));
    }
    let (mut hidden, mut silenced) = orphans.into_inner().expect("not poisoned");
    // A value found in one file may stand undetected in another's preview: mask it everywhere.
    let secrets = secrets.into_inner().expect("not poisoned");
    if let Some(known) = KnownSecrets::new(secrets.iter().map(Vec::as_slice)) {
        session::mask_previews(&known, &mut files, &mut silenced);
    }
    silenced.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    hidden.sort_by(|a, b| {
        (&a.finding.path, a.finding.line, a.finding.column).cmp(&(
            &b.finding.path,
            b.finding.line,
            b.finding.column,
        ))
    });
    Ok(Scanned {
        files,
        stats,
        baselined,
        hidden,
        silenced,
    })
}

/// The directory findings are named relative to (`root`, resolved) and the roots to walk: `paths`
/// (relative to `cwd`), or `default`, each resolved, so `.`, `sub/..` and a symlinked checkout
/// name a file the same way the hooks and the baseline do (`new/c.py`, never `new/./c.py`).
fn resolve_roots(
    root: &Path,
    default: &Path,
    cwd: &Path,
    paths: &[PathBuf],
) -> Result<(PathBuf, Vec<PathBuf>)> {
    let resolve = |p: &Path| {
        if !p.exists() {
            return Err(Error::from(GitError::NoSuchPath(p.to_path_buf())));
        }
        std::fs::canonicalize(p).map_err(|e| Error::io(p, e))
    };
    let base = resolve(root)?;
    let roots = if paths.is_empty() {
        vec![resolve(default)?]
    } else {
        paths
            .iter()
            .map(|p| resolve(&cwd.join(p)))
            .collect::<Result<_>>()?
    };
    Ok((base, roots))
}

/// `scan [PATH…] [--no-ignore]`.
pub fn scan(cwd: &Path, paths: &[PathBuf], no_ignore: bool) -> Result<Report> {
    let root = charter_root(cwd);
    let parts = CharterParts::read(&CharterSource::WorkTree(root.clone()))?;
    let detectors = Detectors::build(&parts)?;
    // The compiled policies are kept in the repository's git directory, when the root has one.
    let git_dir = Some(root.join(".git")).filter(|d| d.is_dir());
    let mut evaluator = make_evaluator(&parts.charter, &parts.sources, git_dir.as_deref())?;
    // Named from the repository root, as the charter's globs and the baseline name files.
    let (base, roots) = resolve_roots(&root, cwd, cwd, paths)?;
    let max = parts.charter.charter.limits.max_file_size;
    let scanned = scan_files(&detectors, &roots, &base, max, true, no_ignore)?;
    let repo = input::Repo {
        root: detectors
            .redactor()
            .quiet(Field::Path, &cwd.display().to_string()),
        ..input::Repo::default()
    };
    let mut input = Input::new(
        Stage::Scan,
        repo,
        input::Commit::default(),
        scanned.files,
        scanned.stats,
    )
    .with_charter_facts(
        &parts.charter.charter,
        &parts.charter.waivers,
        crate::config::date::Date::today(),
    );
    input.hidden.extend(scanned.hidden);
    input.silenced.extend(scanned.silenced);
    let judged = judge(&mut evaluator, &parts.charter, &input)?;
    let mut suppressed = Suppressed::of(&input, None);
    suppressed.extend(Suppressed::waived(judged.waived, None));
    let totals = Totals {
        subjects: Vec::new(),
        violations: judged.violations,
        suppressed,
        stats: input.stats,
        commits: 0,
        baselined: scanned.baselined,
    };
    Ok(Report::new(
        Stage::Scan,
        totals,
        None,
        rule_infos(&evaluator),
    ))
}

/// How `baseline` treats the entries already in `.charter/baseline.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaselineMode {
    /// Replace the entries under the scanned paths, keep every other one. A broken file is an error.
    Update,
    /// Start over: the file holds only this scan's findings, whatever it held (or however broken).
    Replace,
    /// Remove the entries under the scanned paths that no scan finding matches any more; add
    /// nothing. A baseline only shrinks this way.
    Prune,
}

/// What `baseline` wrote.
#[derive(Debug, Clone)]
pub struct BaselineWritten {
    pub path: PathBuf,
    pub entries: usize,
    /// `--prune`: how many entries it removed.
    pub pruned: Option<usize>,
}

/// `baseline [--replace] [PATH…]`: records every current secret finding's fingerprint under the
/// scanned paths in `.charter/baseline.json`, keeping the accepted findings elsewhere (all of them
/// are replaced with `--replace`). Returns the path written and the number of entries.
pub fn baseline(cwd: &Path, paths: &[PathBuf], mode: BaselineMode) -> Result<BaselineWritten> {
    let root = charter_root(cwd);
    let source = CharterSource::WorkTree(root.clone());
    let parts = CharterParts::read_without_baseline(&source)?;
    // Read (and validate) the current file before the scan: a broken one stops here, saying how
    // to rebuild it, before any work is done.
    let current = match mode {
        BaselineMode::Update | BaselineMode::Prune => read_baseline(&source)?.unwrap_or_default(),
        BaselineMode::Replace => Baseline::default(),
    };
    let detectors = Detectors::build(&parts)?;
    let (base, roots) = resolve_roots(&root, &root, cwd, paths)?;
    let scopes = roots
        .iter()
        .zip(roots_or_default(paths, &root))
        .map(|(real, given)| relative_to(&base, real, &given))
        .collect::<Result<Vec<_>>>()?;
    let max = parts.charter.charter.limits.max_file_size;
    let scanned = scan_files(&detectors, &roots, &base, max, false, false)?;
    let fresh: Vec<BaselineEntry> = scanned
        .files
        .into_iter()
        .flat_map(|f| f.findings)
        // A suppressed finding is not accepted: removing its marker must bring it back.
        .filter(|f| f.suppressed.is_none())
        .map(|f| BaselineEntry {
            fingerprint: f.fingerprint,
            rule_id: f.rule_id,
            path: f.path,
        })
        .collect();
    let (doc, pruned) = if mode == BaselineMode::Prune {
        let found = fresh.into_iter().map(|e| e.fingerprint).collect();
        let (doc, removed) = current.prune(&scopes, &found);
        (doc, Some(removed))
    } else {
        (current.update(&scopes, fresh), None)
    };
    let loaded = &parts.charter;
    let path = loaded.baseline_path();
    fsutil::create_dir_inside(&root, &loaded.dir).map_err(|e| Error::io(&loaded.dir, e))?;
    fsutil::write_atomic(&path, doc.to_json().as_bytes(), WriteOptions::REPLACE)
        .map_err(|e| Error::io(&path, e))?;
    Ok(BaselineWritten {
        path,
        entries: doc.findings.len(),
        pruned,
    })
}

/// The paths as the user gave them, for messages.
fn roots_or_default(paths: &[PathBuf], root: &Path) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![root.to_path_buf()]
    } else {
        paths.to_vec()
    }
}

/// `real` (resolved) relative to `base` (resolved) with `/` separators, `""` for the root itself:
/// the prefix of the baseline entries a scan of `given` replaces.
fn relative_to(base: &Path, real: &Path, given: &Path) -> Result<String> {
    let rel = real.strip_prefix(base).map_err(|_| {
        Error::Usage(format!(
            "{}: not inside {}; the baseline records only the repository's files",
            given.display(),
            base.display()
        ))
    })?;
    Ok(rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/"))
}
