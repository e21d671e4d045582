//! `scan` and `baseline`: files on disk through the same detectors and policies as the hooks.

use super::{
    Baseline, BaselineEntry, Detectors, charter_for, make_evaluator, overrides, policy_sources,
    rule_infos,
};
use crate::collect::files::{self, DiskFile};
use crate::detect::LineMap;
use crate::detect::secrets::SecretFinding;
use crate::error::{Error, Result};
use crate::input::{self, Input, Stats};
use crate::model::Stage;
use crate::report::Report;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

struct Scanned {
    /// Files with findings or insecure patterns, sorted by path.
    files: Vec<input::File>,
    findings: Vec<SecretFinding>,
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
    let acc = Mutex::new(Scanned {
        files: Vec::new(),
        findings: Vec::new(),
        stats: Stats::default(),
        baselined: 0,
    });
    let kept = Mutex::new(Vec::<input::File>::new());
    files::walk(roots, base, max, |f: DiskFile| {
        let mut findings = Vec::new();
        let mut insecure = Vec::new();
        if let Some(c) = &f.content {
            d.scan_secrets(&f.path, c, LineMap::Contiguous { first: 1 }, &mut findings);
            d.insecure
                .scan(&f.path, c, LineMap::Contiguous { first: 1 }, &mut insecure);
        }
        let before = findings.len();
        if use_baseline {
            findings.retain(|x| !d.baseline.contains(&x.fingerprint));
        }
        let baselined = (before - findings.len()) as u32;
        let mut a = acc.lock().expect("not poisoned");
        a.stats.files += 1;
        a.baselined += baselined;
        match f.skipped {
            Some("binary") => a.stats.skipped_binary += 1,
            Some("too-large") => a.stats.skipped_large += 1,
            Some(_) => a.stats.skipped_other += 1,
            None => {
                a.stats.scanned_files += 1;
                a.stats.scanned_bytes += f.size;
            }
        }
        a.findings.extend(findings.iter().cloned());
        drop(a);
        // Only files with something to say enter the input document: a tree of thousands of clean
        // files would make every policy iterate over them for nothing. Counts are in `stats`.
        if !findings.is_empty() || !insecure.is_empty() {
            let content: &[u8] = f.content.as_deref().unwrap_or(b"");
            let added_lines = content.split(|&b| b == b'\n').count() as u32;
            kept.lock().expect("not poisoned").push(input::File {
                tier: d.classifier.tier(&f.path),
                classes: d.classifier.classify(&f.path, content),
                path: f.path,
                status: "added",
                old_path: None,
                size: f.size,
                binary: false,
                skipped: f.skipped,
                added_lines,
                removed_lines: 0,
                findings,
                insecure,
            });
        }
    })
    .map_err(Error::Usage)?;
    let mut s = acc.into_inner().expect("not poisoned");
    let mut kept = kept.into_inner().expect("not poisoned");
    kept.sort_by(|a, b| a.path.cmp(&b.path));
    s.findings
        .sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    s.files = kept;
    Ok(s)
}

fn roots_or_cwd(cwd: &Path, paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![cwd.to_path_buf()]
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
    let loaded = charter_for(cwd)?;
    let detectors = Detectors::new(&loaded)?;
    let sources = policy_sources(&loaded)?;
    let mut evaluator = make_evaluator(&loaded, &sources)?;
    let roots = roots_or_cwd(cwd, paths);
    let scanned = scan_files(
        &detectors,
        &roots,
        cwd,
        loaded.charter.limits.max_file_size,
        true,
    )?;
    let input = Input {
        schema_version: input::SCHEMA_VERSION,
        stage: Stage::Scan,
        repo: input::Repo {
            root: cwd.display().to_string(),
            ..input::Repo::default()
        },
        commit: input::Commit::default(),
        files: scanned.files,
        findings: scanned.findings,
        stats: scanned.stats,
    };
    let json = serde_json::to_string(&input).expect("input serialises");
    let overrides = overrides(&loaded.charter);
    let violations = evaluator
        .evaluate(&json, Stage::Scan, &overrides)
        .map_err(|e| Error::Policy(e.to_string()))?;
    let rules = rule_infos(&evaluator);
    Ok(Report {
        stage: Stage::Scan,
        violations,
        stats: input.stats,
        commits: 0,
        nothing: None,
        baselined: scanned.baselined,
        rules,
    })
}

/// `baseline [PATH…]`: writes every current secret finding's fingerprint to `.charter/baseline.json`.
/// Returns the path written and the number of entries.
pub fn baseline(cwd: &Path, paths: &[PathBuf]) -> Result<(PathBuf, usize)> {
    let loaded = charter_for(cwd)?;
    let detectors = Detectors::new(&loaded)?;
    let root = loaded
        .dir
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| cwd.to_path_buf());
    let roots = if paths.is_empty() {
        vec![root.clone()]
    } else {
        roots_or_cwd(cwd, paths)
    };
    let scanned = scan_files(
        &detectors,
        &roots,
        &root,
        loaded.charter.limits.max_file_size,
        false,
    )?;
    let mut entries: Vec<BaselineEntry> = scanned
        .findings
        .into_iter()
        .map(|f| BaselineEntry {
            fingerprint: f.fingerprint,
            rule_id: f.rule_id,
            path: f.path,
        })
        .collect();
    entries.sort();
    entries.dedup();
    let n = entries.len();
    let doc = Baseline {
        version: 1,
        findings: entries,
    };
    let path = loaded.baseline_path();
    std::fs::create_dir_all(&loaded.dir).map_err(|e| Error::io(&loaded.dir, e))?;
    let text = serde_json::to_string_pretty(&doc).expect("baseline serialises") + "\n";
    std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
    Ok((path, n))
}
