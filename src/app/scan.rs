//! `scan` and `baseline`: files on disk through the same detectors and policies as the hooks.

use super::session::{
    CharterParts, Detectors, charter_root, judge, make_evaluator, read_baseline, rule_infos,
};
use crate::collect::files::{self, DiskFile};
use crate::collect::{CharterSource, GitError};
use crate::config::baseline::{Baseline, BaselineEntry};
use crate::error::{Error, Result};
use crate::fsutil::{self, WriteOptions};
use crate::input::{self, Input, Stats};
use crate::model::{FileStatus, Stage};
use crate::pattern::LineMap;
use crate::report::{Report, Totals};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

struct Scanned {
    /// Files with findings or insecure patterns, sorted by path.
    files: Vec<input::File>,
    stats: Stats,
    baselined: u32,
}

fn scan_files(
    d: &Detectors,
    roots: &[PathBuf],
    base: &Path,
    max: u64,
    use_baseline: bool,
) -> Result<Scanned> {
    let acc = Mutex::new((Stats::default(), 0u32));
    let kept = Mutex::new(Vec::<input::File>::new());
    files::walk(roots, base, max, |f: DiskFile| {
        let content: &[u8] = f.content.as_deref().unwrap_or(b"");
        let facts = d.scan_content(
            &f.path,
            content,
            LineMap::Contiguous { first: 1 },
            use_baseline,
        );
        {
            let mut a = acc.lock().expect("not poisoned");
            a.0.count(f.skipped, 0, 0, f.size);
            a.1 += facts.baselined;
        }
        // Only files with something to say enter the input document: a tree of thousands of clean
        // files would make every policy iterate over them for nothing. Counts are in `stats`.
        if !facts.findings.is_empty() || !facts.insecure.is_empty() {
            let added_lines = content.split(|&b| b == b'\n').count() as u32;
            kept.lock().expect("not poisoned").push(input::File {
                tier: d.classifier.tier(&f.path),
                classes: d.classifier.classify(&f.path, content),
                path: f.path,
                status: FileStatus::Added,
                old_path: None,
                size: f.size,
                binary: false,
                skipped: f.skipped,
                added_lines,
                removed_lines: 0,
                findings: facts.findings,
                insecure: facts.insecure,
            });
        }
    })?;
    let (stats, baselined) = acc.into_inner().expect("not poisoned");
    let mut files = kept.into_inner().expect("not poisoned");
    files.sort_by(|a, b| a.path.cmp(&b.path));
    // Findings in path, line, column order (the document lists them in file order).
    for f in &mut files {
        f.findings.sort_by_key(|x| (x.line, x.column));
    }
    Ok(Scanned {
        files,
        stats,
        baselined,
    })
}

fn roots_or(dir: &Path, cwd: &Path, paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![dir.to_path_buf()]
    } else {
        paths
            .iter()
            .map(|p| {
                if p.is_absolute() {
                    p.clone()
                } else {
                    cwd.join(p)
                }
            })
            .collect()
    }
}

/// `scan [PATH…]`.
pub fn scan(cwd: &Path, paths: &[PathBuf]) -> Result<Report> {
    let parts = CharterParts::read(&CharterSource::WorkTree(charter_root(cwd)))?;
    let detectors = Detectors::build(&parts)?;
    let mut evaluator = make_evaluator(&parts.charter, &parts.sources)?;
    let roots = roots_or(cwd, cwd, paths);
    let max = parts.charter.charter.limits.max_file_size;
    let scanned = scan_files(&detectors, &roots, cwd, max, true)?;
    let repo = input::Repo {
        root: cwd.display().to_string(),
        ..input::Repo::default()
    };
    let input = Input::new(
        Stage::Scan,
        repo,
        input::Commit::default(),
        scanned.files,
        scanned.stats,
    );
    let violations = judge(&mut evaluator, &parts.charter.charter, &input)?;
    let totals = Totals {
        violations,
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
}

/// `baseline [--replace] [PATH…]`: records every current secret finding's fingerprint under the
/// scanned paths in `.charter/baseline.json`, keeping the accepted findings elsewhere (all of them
/// are replaced with `--replace`). Returns the path written and the number of entries.
pub fn baseline(cwd: &Path, paths: &[PathBuf], mode: BaselineMode) -> Result<(PathBuf, usize)> {
    let root = charter_root(cwd);
    let source = CharterSource::WorkTree(root.clone());
    let parts = CharterParts::read_without_baseline(&source)?;
    // Read (and validate) the current file before the scan: a broken one stops here, saying how
    // to rebuild it, before any work is done.
    let current = match mode {
        BaselineMode::Update => read_baseline(&source)?.unwrap_or_default(),
        BaselineMode::Replace => Baseline::default(),
    };
    let detectors = Detectors::build(&parts)?;
    let roots = roots_or(&root, cwd, paths);
    let scopes = roots
        .iter()
        .map(|r| relative_to(&root, r))
        .collect::<Result<Vec<_>>>()?;
    let max = parts.charter.charter.limits.max_file_size;
    let scanned = scan_files(&detectors, &roots, &root, max, false)?;
    let fresh = scanned
        .files
        .into_iter()
        .flat_map(|f| f.findings)
        .map(|f| BaselineEntry {
            fingerprint: f.fingerprint,
            rule_id: f.rule_id,
            path: f.path,
        })
        .collect();
    let doc = current.update(&scopes, fresh);
    let loaded = &parts.charter;
    let path = loaded.baseline_path();
    fsutil::create_dir_inside(&root, &loaded.dir).map_err(|e| Error::io(&loaded.dir, e))?;
    fsutil::write_atomic(&path, doc.to_json().as_bytes(), WriteOptions::REPLACE)
        .map_err(|e| Error::io(&path, e))?;
    Ok((path, doc.findings.len()))
}

/// `path` relative to `root` with `/` separators (`""` for the root itself), as findings name
/// files; both are resolved first so `./sub/..` and symlinked checkouts compare equal.
fn relative_to(root: &Path, path: &Path) -> Result<String> {
    if !path.exists() {
        return Err(GitError::NoSuchPath(path.to_path_buf()).into());
    }
    let real_root = std::fs::canonicalize(root).map_err(|e| Error::io(root, e))?;
    let real = std::fs::canonicalize(path).map_err(|e| Error::io(path, e))?;
    let rel = real.strip_prefix(&real_root).map_err(|_| {
        Error::Usage(format!(
            "{}: not inside {}; the baseline records only the repository's files",
            path.display(),
            root.display()
        ))
    })?;
    Ok(rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/"))
}
