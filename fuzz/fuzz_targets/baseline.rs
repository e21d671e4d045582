//! `.charter/baseline.json` (`Baseline::parse`, which validates version and entries), and the
//! path-scoped update `git charter baseline PATH…` performs.
//! Invariants: an accepted baseline written back (`to_json`) reads back the same (sorted,
//! without duplicates); updating under a root keeps exactly the entries outside it.
#![no_main]

use git_charter::config::baseline::Baseline;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new(".charter/baseline.json");
    let Ok(b) = Baseline::parse(path, text) else {
        return;
    };
    let normal = Baseline::new(b.findings.clone());
    let json = normal.to_json();
    let back = Baseline::parse(path, &json).expect("a written baseline reads back");
    assert_eq!(
        back.findings, normal.findings,
        "baseline changed on a round trip"
    );
    assert_eq!(back.version, normal.version);
    assert!(b.fingerprints().len() <= b.findings.len());

    let Some(first) = b.findings.first() else {
        return;
    };
    let root = first
        .path
        .rsplit_once('/')
        .map_or("", |(dir, _)| dir)
        .to_string();
    // A root names a directory: `a/` and `a` are the same root.
    let r = root.trim_end_matches('/');
    let under =
        |p: &str| r.is_empty() || p == r || p.strip_prefix(r).is_some_and(|x| x.starts_with('/'));
    let kept = b.clone().update(std::slice::from_ref(&root), Vec::new());
    let expected: Vec<_> = normal
        .findings
        .iter()
        .filter(|e| !under(&e.path))
        .cloned()
        .collect();
    assert_eq!(
        kept.findings, expected,
        "update dropped or kept the wrong entries"
    );
    let fresh = b.clone().update(&[root], normal.findings.clone());
    assert_eq!(
        fresh.findings, normal.findings,
        "replacing a root by its own entries changed the baseline"
    );
});
