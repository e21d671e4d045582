//! Measurement on the development set (../shared/bench/commit-messages-dev): trailers must agree with
//! git's recorded output in both modes, and AI evidence (strong + medium) must meet the goals.
//! Skipped, with a note, when the set is absent. `cargo run --example messages_eval` prints the details.

use git_charter::config::AiConfig;
use git_charter::detect::ai::Signatures;
use git_charter::detect::trailers::{self, Mode, TrailerConfig};
use git_charter::model::Ident;
use git_charter::model::Strength;
use serde_json::Value;
use std::path::Path;

fn pairs(v: &Value) -> Vec<(String, String)> {
    v.as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            (
                p[0].as_str().unwrap_or("").to_string(),
                p[1].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn ours(msg: &str, mode: Mode) -> Vec<(String, String)> {
    trailers::parse(msg, mode, &TrailerConfig::default())
        .into_iter()
        .map(|t| (t.key, t.value))
        .collect()
}

// A test may say what it skipped; the library may not print.
#[allow(clippy::disallowed_macros)]
fn skipped(what: &str) {
    eprintln!("commit_messages_dev: {what}");
}

#[test]
fn development_set_meets_the_goals() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/bench/commit-messages-dev/messages.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        skipped("development set not found; skipped");
        return;
    };
    let sigs = Signatures::new(&AiConfig::default()).unwrap();
    let (mut n, mut disagreements) = (0usize, Vec::new());
    let (mut tp, mut fp, mut fn_) = (0usize, Vec::new(), Vec::new());
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).expect("each line is JSON");
        n += 1;
        let id = v["id"].as_str().unwrap_or("?").to_string();
        let msg = v["message"].as_str().unwrap_or("");
        if ours(msg, Mode::LogUnfold) != pairs(&v["trailers_git_log"]) {
            disagreements.push(format!("{id} (log)"));
        }
        if ours(msg, Mode::InterpretParse) != pairs(&v["trailers"]) {
            disagreements.push(format!("{id} (interpret-trailers)"));
        }
        let ts = trailers::parse(msg, Mode::LogUnfold, &TrailerConfig::default());
        let author = v["author"].as_str().and_then(Ident::parse);
        let committer = v["committer"].as_str().and_then(Ident::parse);
        let predicted = sigs
            .detect(msg, &ts, author.as_ref(), committer.as_ref())
            .iter()
            .any(|e| e.strength >= Strength::Medium);
        match (
            predicted,
            v["ai_evidence"]["value"].as_bool().unwrap_or(false),
        ) {
            (true, true) => tp += 1,
            (true, false) => fp.push(id),
            (false, true) => fn_.push(id),
            _ => {}
        }
    }
    assert!(n > 0, "empty development set");
    assert!(
        disagreements.is_empty(),
        "trailers differ from git: {disagreements:?}"
    );
    let precision = tp as f64 / (tp + fp.len()).max(1) as f64;
    let recall = tp as f64 / (tp + fn_.len()).max(1) as f64;
    assert!(
        precision >= 0.98,
        "precision {precision:.3}; false positives {fp:?}"
    );
    assert!(recall >= 0.95, "recall {recall:.3}; missed {fn_:?}");
}
