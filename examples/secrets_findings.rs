//! Scans a directory tree with the built-in secret rules and prints one JSON line per finding in the
//! format `secrets-dev/score.py` reads: `{"file", "line", "line_end", "rule"}` (paths relative to the root).
//!
//!     cargo run --release --example secrets_findings -- DIR [--gitleaks CONFIG.toml] [--quiet] > findings.jsonl
//!
//! With `--quiet` only the totals are printed (files, bytes, findings, wall time, MB/s), for benchmarks.
//! `.gitignore` is respected and hidden files are scanned (`.env`); binaries are skipped.

use git_charter::config::SecretsConfig;
use git_charter::detect::secrets::Scanner;
use git_charter::pattern::LineMap;
use std::io::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut root = None;
    let mut quiet = false;
    let mut in_memory = false;
    let mut extra = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--quiet" => quiet = true,
            "--in-memory" => in_memory = true,
            "--gitleaks" => {
                let p = args.next().ok_or("--gitleaks needs a file")?;
                extra.push((p.clone(), std::fs::read_to_string(&p)?));
            }
            _ => root = Some(a),
        }
    }
    let root = root.ok_or("usage: secrets_findings DIR [--gitleaks CONFIG] [--quiet]")?;
    let start = Instant::now();
    let scanner = Scanner::new(&SecretsConfig::default(), &extra)?;
    if in_memory {
        return scan_in_memory(&scanner, &root);
    }
    let files = AtomicU64::new(0);
    let bytes = AtomicU64::new(0);
    let found = AtomicU64::new(0);
    let out = Mutex::new(std::io::BufWriter::new(std::io::stdout()));
    let walker = ignore::WalkBuilder::new(&root)
        .hidden(false)
        .git_global(false)
        .build_parallel();
    walker.run(|| {
        let scanner = &scanner;
        let (files, bytes, found, out, root) = (&files, &bytes, &found, &out, &root);
        let mut findings = Vec::new();
        let mut buf = Vec::new();
        Box::new(move |entry| {
            let Ok(entry) = entry else { return ignore::WalkState::Continue };
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                return ignore::WalkState::Continue;
            }
            buf.clear();
            let Ok(mut f) = std::fs::File::open(entry.path()) else { return ignore::WalkState::Continue };
            if std::io::Read::read_to_end(&mut f, &mut buf).is_err() {
                return ignore::WalkState::Continue;
            }
            files.fetch_add(1, Ordering::Relaxed);
            bytes.fetch_add(buf.len() as u64, Ordering::Relaxed);
            let rel = entry.path().strip_prefix(root.as_str()).unwrap_or(entry.path());
            let rel = rel.to_string_lossy().trim_start_matches('/').to_string();
            findings.clear();
            scanner.scan(&rel, &buf, LineMap::Contiguous { first: 1 }, &mut findings);
            found.fetch_add(findings.len() as u64, Ordering::Relaxed);
            if !quiet && !findings.is_empty() {
                let mut o = out.lock().expect("stdout lock");
                for f in &findings {
                    let line = serde_json::json!({"file": f.path, "line": f.line, "line_end": f.end_line, "rule": f.rule_id, "preview": f.preview});
                    let _ = writeln!(o, "{line}");
                }
            }
            ignore::WalkState::Continue
        })
    });
    out.lock().expect("stdout lock").flush()?;
    let secs = start.elapsed().as_secs_f64();
    let b = bytes.load(Ordering::Relaxed);
    let mut err = std::io::stderr().lock();
    writeln!(
        err,
        "files={} bytes={} findings={} secs={:.3} MB/s={:.1}",
        files.load(Ordering::Relaxed),
        b,
        found.load(Ordering::Relaxed),
        secs,
        b as f64 / 1e6 / secs
    )?;
    Ok(())
}

/// Engine throughput without file-system costs: loads every file first, then times only the scan.
fn scan_in_memory(scanner: &Scanner, root: &str) -> Result<(), Box<dyn std::error::Error>> {
    use rayon::prelude::*;
    let mut files = Vec::new();
    for entry in ignore::WalkBuilder::new(root)
        .hidden(false)
        .build()
        .flatten()
    {
        if entry.file_type().is_some_and(|t| t.is_file())
            && let Ok(buf) = std::fs::read(entry.path())
        {
            files.push((entry.path().to_string_lossy().to_string(), buf));
        }
    }
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let cpu0 = cpu_seconds();
    let start = Instant::now();
    let found: usize = files
        .par_iter()
        .map_init(Vec::new, |out, (path, buf)| {
            out.clear();
            scanner.scan(path, buf, LineMap::Contiguous { first: 1 }, out);
            out.len()
        })
        .sum();
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu0;
    writeln!(
        std::io::stderr().lock(),
        "in-memory: files={} bytes={bytes} findings={found} wall={secs:.3}s cpu={cpu:.3}s MB/s(wall)={:.1} MB/s(per cpu-second)={:.1}",
        files.len(),
        bytes as f64 / 1e6 / secs,
        bytes as f64 / 1e6 / cpu
    )?;
    Ok(())
}

/// User + system CPU time of this process, from /proc (Linux); 0 elsewhere.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}
