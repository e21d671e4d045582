//! Measures classification and insecure patterns on a labelled development set (a directory with
//! `labels.jsonl` and the snippets it names) and prints precision and recall per class and pattern.
//! Exits 1 when a hard negative is flagged or a figure is below the 0.95 goal. Not a cargo test: the
//! set lives outside this repository.
//!
//!     cargo run --release --example classes_dev -- ../shared/bench/classes-dev
//!
//! `--tree DIR` instead prints, for every file under DIR, its classes and the reasons (tab-separated:
//! path, classes, reasons), to read what a tree of third-party code is classed as. `CLASSES_CHARTER=FILE`
//! layers FILE over the default charter first (to try a change to the signals without rebuilding).
//! `CLASSES_SPLIT=even|odd` scores only the items whose `id` hashes (FNV-1a) to that parity: tune
//! on one half, then check the other before reading its mismatches.

// A measurement tool reports on stdout; the library rule against printing does not apply here.
#![allow(clippy::disallowed_macros)]

use git_charter::config::default_charter;
use git_charter::detect::classes::Classifier;
use git_charter::detect::insecure::InsecureScanner;
use git_charter::pattern::LineMap;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::ExitCode;

/// The classes the development set labels; `crypto-touch` is a weaker class it does not label.
const LABELLED_CLASSES: [&str; 6] = ["auth", "crypto", "infra", "ci", "secrets", "deps"];

#[derive(Default)]
struct Counts {
    tp: u32,
    fp: u32,
    fn_: u32,
}

impl Counts {
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            f64::from(self.tp) / f64::from(self.tp + self.fp)
        }
    }
    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            f64::from(self.tp) / f64::from(self.tp + self.fn_)
        }
    }
}

fn score(
    counts: &mut BTreeMap<String, Counts>,
    expected: &BTreeSet<String>,
    got: &BTreeSet<String>,
) {
    for k in expected.union(got) {
        let c = counts.entry(k.clone()).or_default();
        match (expected.contains(k), got.contains(k)) {
            (true, true) => c.tp += 1,
            (false, true) => c.fp += 1,
            (true, false) => c.fn_ += 1,
            (false, false) => {}
        }
    }
}

fn strings(v: &serde_json::Value) -> BTreeSet<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// FNV-1a of an item id: a stable split that does not depend on the order of `labels.jsonl`.
fn fnv1a(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Whether an item belongs to the half `CLASSES_SPLIT` names (every item when it is unset).
fn in_split(split: Option<&str>, id: &str) -> bool {
    match split {
        Some("even") => fnv1a(id).is_multiple_of(2),
        Some("odd") => fnv1a(id) % 2 == 1,
        _ => true,
    }
}

fn charter() -> git_charter::config::Charter {
    match std::env::var_os("CLASSES_CHARTER") {
        Some(file) => {
            let path = PathBuf::from(file);
            let text = std::fs::read_to_string(&path).expect("CLASSES_CHARTER readable");
            git_charter::config::from_team_text(&path, &text).expect("CLASSES_CHARTER parses")
        }
        None => default_charter(),
    }
}

/// Every regular file under `dir`, sorted.
fn walk(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let Ok(t) = e.file_type() else { continue };
        if t.is_dir() {
            walk(&e.path(), out);
        } else if t.is_file() {
            out.push(e.path());
        }
    }
}

fn tree(dir: &std::path::Path) -> ExitCode {
    let charter = charter();
    let classifier =
        Classifier::new(&charter.classes, &charter.tiers).expect("charter classes compile");
    let mut files = Vec::new();
    walk(dir, &mut files);
    for f in files {
        let Ok(text) = std::fs::read(&f) else {
            continue;
        };
        if text.len() > 1 << 20 || text.iter().take(8192).any(|&b| b == 0) {
            continue;
        }
        let rel = f
            .strip_prefix(dir)
            .unwrap_or(&f)
            .to_string_lossy()
            .into_owned();
        let hits = classifier.classify_detailed(&rel, &text);
        let names: Vec<&str> = hits
            .iter()
            .map(|h| h.class.as_str())
            .filter(|c| LABELLED_CLASSES.contains(c))
            .collect();
        let reasons: Vec<String> = hits
            .iter()
            .filter(|h| LABELLED_CLASSES.contains(&h.class.as_str()))
            .map(|h| format!("{}={}", h.class, h.reasons.join(",")))
            .collect();
        println!("{rel}\t{}\t{}", names.join(","), reasons.join(" "));
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("--tree") {
        return match std::env::args_os().nth(2) {
            Some(dir) => tree(std::path::Path::new(&dir)),
            None => {
                eprintln!("usage: classes_dev --tree DIR");
                ExitCode::from(2)
            }
        };
    }
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!(
            "usage: classes_dev DIR   (DIR holds labels.jsonl, e.g. ../shared/bench/classes-dev)"
        );
        return ExitCode::from(2);
    };
    let labels = match std::fs::read_to_string(dir.join("labels.jsonl")) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("cannot read {}: {e}", dir.join("labels.jsonl").display());
            return ExitCode::from(2);
        }
    };
    let charter = charter();
    let classifier =
        Classifier::new(&charter.classes, &charter.tiers).expect("default classes compile");
    let scanner = InsecureScanner::new(&charter.insecure).expect("built-in patterns compile");

    let mut class_counts: BTreeMap<String, Counts> = BTreeMap::new();
    let mut pattern_counts: BTreeMap<String, Counts> = BTreeMap::new();
    let mut flagged_negatives = Vec::new();
    let mut mistakes = Vec::new();
    let mut items = 0;
    let split = std::env::var("CLASSES_SPLIT").ok();
    // `CLASSES_VERBOSE=1` lists every item with its reasons, not only the mismatches.
    let verbose = std::env::var_os("CLASSES_VERBOSE").is_some();
    if let Some(s) = split.as_deref()
        && s != "even"
        && s != "odd"
    {
        eprintln!("CLASSES_SPLIT must be `even` or `odd`, not `{s}`");
        return ExitCode::from(2);
    }
    for line in labels.lines().filter(|l| !l.trim().is_empty()) {
        let item: serde_json::Value =
            serde_json::from_str(line).expect("labels.jsonl is JSON lines");
        if !in_split(split.as_deref(), item["id"].as_str().unwrap_or_default()) {
            continue;
        }
        let path = item["path"].as_str().expect("path");
        let text = std::fs::read(dir.join(item["file"].as_str().expect("file")))
            .expect("snippet readable");
        items += 1;

        let hits = classifier.classify_detailed(path, &text);
        let got_classes: BTreeSet<String> = hits
            .iter()
            .map(|h| h.class.clone())
            .filter(|c| LABELLED_CLASSES.contains(&c.as_str()))
            .collect();
        let mut why: Vec<String> = hits
            .iter()
            .map(|h| format!("{}={}", h.class, h.reasons.join(",")))
            .collect();
        why.push(format!(
            "fired: {}",
            classifier.fired_signals_of(path, &text).join(",")
        ));
        let mut matches = Vec::new();
        scanner.scan(path, &text, LineMap::Contiguous { first: 1 }, &mut matches);
        let got_patterns: BTreeSet<String> = matches.into_iter().map(|m| m.id).collect();

        let want_classes = strings(&item["classes"]);
        let want_patterns = strings(&item["insecure"]);
        score(&mut class_counts, &want_classes, &got_classes);
        score(&mut pattern_counts, &want_patterns, &got_patterns);
        if item["kind"] == "hard-negative" && (!got_classes.is_empty() || !got_patterns.is_empty())
        {
            flagged_negatives.push(format!("{path}: {got_classes:?} {got_patterns:?}"));
        }
        if verbose || want_classes != got_classes || want_patterns != got_patterns {
            mistakes.push(format!(
                "{path}: classes want {want_classes:?} got {got_classes:?}; patterns want {want_patterns:?} got {got_patterns:?} ({})",
                why.join(" ")
            ));
        }
    }

    println!("classes-dev: {items} items");
    println!(
        "{:<32} {:>4} {:>4} {:>4} {:>9} {:>7}",
        "class/pattern", "tp", "fp", "fn", "precision", "recall"
    );
    for (title, counts) in [("class", &class_counts), ("pattern", &pattern_counts)] {
        for (k, c) in counts {
            println!(
                "{:<32} {:>4} {:>4} {:>4} {:>9.3} {:>7.3}",
                format!("{title} {k}"),
                c.tp,
                c.fp,
                c.fn_,
                c.precision(),
                c.recall()
            );
        }
    }
    println!("hard negatives flagged: {}", flagged_negatives.len());
    for m in &mistakes {
        println!("  mismatch {m}");
    }

    let below: Vec<String> = class_counts
        .iter()
        .chain(pattern_counts.iter())
        .filter(|(_, c)| c.precision() < 0.95 || c.recall() < 0.95)
        .map(|(k, c)| format!("{k}: P {:.3} R {:.3}", c.precision(), c.recall()))
        .collect();
    for b in &below {
        println!("below the 0.95 goal: {b}");
    }
    if flagged_negatives.is_empty() && below.is_empty() {
        println!("goal met: no hard negative flagged, precision and recall >= 0.95 everywhere");
        ExitCode::SUCCESS
    } else {
        for f in &flagged_negatives {
            println!("hard negative flagged: {f}");
        }
        ExitCode::FAILURE
    }
}
