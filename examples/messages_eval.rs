//! Measures the commit-message work on a labelled set: trailer agreement with git's recorded output in
//! both modes, and AI-evidence precision / recall. Exits 1 when a goal is missed (every trailer list
//! agrees with git, precision >= 0.98, recall >= 0.95). Not a cargo test: the set lives outside this
//! repository.
//!
//!     cargo run --release --example messages_eval -- ../shared/bench/commit-messages-dev/messages.jsonl [--verbose]

// A measurement tool reports on stdout; the library rule against printing does not apply here.
#![allow(clippy::disallowed_macros)]

use git_charter::config::AiConfig;
use git_charter::detect::ai::Signatures;
use git_charter::detect::trailers::{self, Mode, TrailerConfig};
use git_charter::model::Ident;
use git_charter::model::Strength;
use serde_json::Value;

fn pairs(v: &Value) -> Vec<(String, String)> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|p| {
                    (
                        p[0].as_str().unwrap_or("").to_string(),
                        p[1].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let Some(path) = args.iter().find(|a| !a.starts_with("--")).cloned() else {
        eprintln!("usage: messages_eval MESSAGES.jsonl [--verbose]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let sigs = Signatures::new(&AiConfig::default()).expect("built-in signatures compile");
    let cfg = TrailerConfig::default();

    let (mut n, mut log_ok, mut parse_ok) = (0, 0, 0);
    let (mut tp, mut fp, mut fn_, mut tn) = (0, 0, 0, 0);
    let (mut sm_labelled, mut sm_found) = (0, 0);
    let (mut weak_labelled, mut weak_any) = (0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("skipping a line that is not JSON: {e}");
                continue;
            }
        };
        n += 1;
        let id = v["id"].as_str().unwrap_or("?");
        let msg = v["message"].as_str().unwrap_or("");

        let log: Vec<(String, String)> = trailers::parse(msg, Mode::Log, &cfg)
            .into_iter()
            .map(|t| (t.key, t.value))
            .collect();
        let parse: Vec<(String, String)> = trailers::parse(msg, Mode::Interpret, &cfg)
            .into_iter()
            .map(|t| (t.key, t.value))
            .collect();
        if log == pairs(&v["trailers_git_log"]) {
            log_ok += 1;
        } else {
            println!(
                "TRAILERS(log) {id}: git {:?} ours {log:?}",
                pairs(&v["trailers_git_log"])
            );
        }
        if parse == pairs(&v["trailers"]) {
            parse_ok += 1;
        } else {
            println!(
                "TRAILERS(parse) {id}: git {:?} ours {parse:?}",
                pairs(&v["trailers"])
            );
        }

        let ts = trailers::parse(msg, Mode::Log, &cfg);
        let author = v["author"].as_str().and_then(Ident::parse);
        let committer = v["committer"].as_str().and_then(Ident::parse);
        let ev = sigs.detect(msg, &ts, author.as_ref(), committer.as_ref());
        let predicted = ev.iter().any(|e| e.strength >= Strength::Medium);
        let truth = v["ai_evidence"]["value"].as_bool().unwrap_or(false);
        let label = v["ai_evidence"]["strength"].as_str().unwrap_or("none");
        match (predicted, truth) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fn_ += 1,
            (false, false) => tn += 1,
        }
        if matches!(label, "strong" | "medium") {
            sm_labelled += 1;
            sm_found += usize::from(predicted);
        }
        if label == "weak" {
            weak_labelled += 1;
            weak_any += usize::from(!ev.is_empty());
        }
        if predicted != truth || verbose {
            let tag = match (predicted, truth) {
                (true, false) => "FP",
                (false, true) => "FN",
                _ => "ok",
            };
            let shown: Vec<String> = ev
                .iter()
                .map(|e| {
                    format!(
                        "{}/{:?}/{:?}: {}",
                        e.signature, e.strength, e.location, e.text
                    )
                })
                .collect();
            println!("{tag} {id} (label {label}): {shown:?}");
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    // Time detection alone (trailer parsing included), over many rounds for a stable figure.
    let msgs: Vec<Value> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let rounds = 20;
    let started = std::time::Instant::now();
    for _ in 0..rounds {
        for v in &msgs {
            let msg = v["message"].as_str().unwrap_or("");
            let ts = trailers::parse(msg, Mode::Log, &cfg);
            let author = v["author"].as_str().and_then(Ident::parse);
            std::hint::black_box(sigs.detect(msg, &ts, author.as_ref(), None));
        }
    }
    let per = started.elapsed().as_secs_f64() * 1e6 / (rounds * msgs.len().max(1)) as f64;
    println!("messages: {n} (trailers + evidence: {per:.0} µs per message)");
    println!(
        "trailers, git log %(trailers:only,unfold): {log_ok}/{n} agree ({:.3})",
        ratio(log_ok, n)
    );
    println!(
        "trailers, git interpret-trailers --parse:  {parse_ok}/{n} agree ({:.3})",
        ratio(parse_ok, n)
    );
    println!(
        "evidence (strong+medium predicted vs ai_evidence.value): tp {tp} fp {fp} fn {fn_} tn {tn}"
    );
    println!(
        "  precision {:.3}  recall {:.3}",
        ratio(tp, tp + fp),
        ratio(tp, tp + fn_)
    );
    println!(
        "  recall on items labelled strong/medium: {sm_found}/{sm_labelled} ({:.3})",
        ratio(sm_found, sm_labelled)
    );
    println!("  items labelled weak with any evidence (weak included): {weak_any}/{weak_labelled}");
    let (precision, recall) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
    let met = n > 0 && log_ok == n && parse_ok == n && precision >= 0.98 && recall >= 0.95;
    println!(
        "goals (all trailers agree, precision >= 0.98, recall >= 0.95): {}",
        if met { "met" } else { "MISSED" }
    );
    if !met {
        std::process::exit(1);
    }
}
