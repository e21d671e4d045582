//! `scan` and `baseline`: files on disk through the same detectors and policies as the hooks.

use super::session::{CharterParts, Detectors, charter_root, judge, make_evaluator, rule_infos};
use crate::collect::CharterSource;
use crate::collect::files::{self, DiskFile};
use crate::config::baseline::{Baseline, BaselineEntry};
use crate::error::{Error, Result};
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

/// `baseline [PATH…]`: writes every current secret finding's fingerprint to `.charter/baseline.json`.
/// Returns the path written and the number of entries.
pub fn baseline(cwd: &Path, paths: &[PathBuf]) -> Result<(PathBuf, usize)> {
    let root = charter_root(cwd);
    let parts = CharterParts::read(&CharterSource::WorkTree(root.clone()))?;
    let detectors = Detectors::build(&parts)?;
    let roots = roots_or(&root, cwd, paths);
    let max = parts.charter.charter.limits.max_file_size;
    let scanned = scan_files(&detectors, &roots, &root, max, false)?;
    let doc = Baseline::new(
        scanned
            .files
            .into_iter()
            .flat_map(|f| f.findings)
            .map(|f| BaselineEntry {
                fingerprint: f.fingerprint,
                rule_id: f.rule_id,
                path: f.path,
            })
            .collect(),
    );
    let loaded = &parts.charter;
    let path = loaded.baseline_path();
    std::fs::create_dir_all(&loaded.dir).map_err(|e| Error::io(&loaded.dir, e))?;
    write_atomically(&path, doc.to_json().as_bytes())?;
    Ok((path, doc.findings.len()))
}

/// Writes `path` through a temporary sibling, synced and renamed over it: a reader (or a hook
/// running meanwhile) sees the old file or the new one, never half of one.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}
