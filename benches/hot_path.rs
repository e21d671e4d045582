//! Micro-benchmarks of the per-commit hot path, without a framework: building the policy evaluator
//! from the embedded policies, evaluating it on a realistic input, and scanning source for secrets.
//! Run: cargo bench --bench hot_path   (prints medians; compare before/after a change)
#![allow(clippy::disallowed_macros)] // printing the medians is what a bench is for

use git_charter::app::session::{CharterParts, Detectors};
use git_charter::config::{self, LoadedCharter};
use git_charter::model::Stage;
use git_charter::pattern::LineMap;
use git_charter::policy::{self, Evaluator, Overrides};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn median<F: FnMut()>(name: &str, iters: usize, mut f: F) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..iters)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    let m = times[times.len() / 2];
    println!(
        "{name:<44} median {:>10.3} ms  (n={iters})",
        m.as_secs_f64() * 1e3
    );
    m
}

fn corpus() -> Vec<u8> {
    // Real source from the cargo registry when present; this crate's own source otherwise.
    let mut out = Vec::new();
    let home = std::env::var("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| {
            std::path::PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo")
        });
    let roots = [home.join("registry/src"), std::path::PathBuf::from("src")];
    for root in roots {
        let walker = ignore::WalkBuilder::new(&root).build();
        for e in walker.flatten() {
            if e.path().extension().is_some_and(|x| x == "rs")
                && let Ok(b) = std::fs::read(e.path())
            {
                out.extend_from_slice(&b);
                if out.len() > 32 << 20 {
                    return out;
                }
            }
        }
        if out.len() > 4 << 20 {
            break;
        }
    }
    out
}

fn main() {
    median("config: parse the default charter", 20, || {
        black_box(config::default_charter());
    });
    let charter = config::default_charter();
    let charter_json = serde_json::to_string(&charter).unwrap();
    let sources = policy::builtin_sources();
    median("policy: build evaluator (all built-ins)", 50, || {
        black_box(Evaluator::new(&sources, &charter_json, 2000).unwrap());
    });
    let mut ev = Evaluator::new(&sources, &charter_json, 2000).unwrap();
    let input = serde_json::json!({
        "schema_version": 1, "stage": "pre-commit",
        "repo": {"root": "/r", "branch": "main", "head": null, "merge": false},
        "commit": {"id": null, "parents": [], "author": {"name": "A", "email": "a@x"}, "committer": null,
                   "message": null, "subject": null, "trailers": [], "ai_evidence": []},
        "files": (0..5).map(|i| serde_json::json!({"path": format!("src/m{i}.rs"), "status": "added", "old_path": null,
            "size": 8000, "binary": false, "skipped": null, "added_lines": 200, "removed_lines": 0, "tier": "trusted",
            "classes": [], "findings": [], "insecure": []})).collect::<Vec<_>>(),
        "findings": [], "stats": {}
    })
    .to_string();
    median("policy: evaluate all built-ins, 5-file input", 200, || {
        black_box(
            ev.evaluate(&input, Stage::PreCommit, &Overrides::default())
                .unwrap(),
        );
    });
    let loaded = LoadedCharter {
        charter,
        file: None,
        text: None,
        dir: std::path::PathBuf::from("/nonexistent/.charter"),
        waivers: Default::default(),
        bundle: None,
    };
    let parts = CharterParts {
        charter: loaded.clone(),
        baseline: Default::default(),
        sources: Vec::new(),
        gitleaks: Vec::new(),
        allowed_signers: None,
    };
    let c = &loaded.charter;
    median("detectors: secrets Scanner::new", 20, || {
        black_box(git_charter::detect::secrets::Scanner::new(&c.secrets, &[]).unwrap());
    });
    median("detectors: Classifier::new", 20, || {
        black_box(git_charter::detect::classes::Classifier::new(&c.classes, &c.tiers).unwrap());
    });
    median("detectors: InsecureScanner::new", 20, || {
        black_box(git_charter::detect::insecure::InsecureScanner::new(&c.insecure).unwrap());
    });
    median("detectors: ai Signatures::new", 20, || {
        black_box(git_charter::detect::ai::Signatures::new(&c.ai).unwrap());
    });
    median("insecure: parse the built-in rule files", 20, || {
        black_box(git_charter::rules::insecure::builtin_rules().unwrap());
    });
    let insecure_regexes: Vec<String> = git_charter::rules::insecure::builtin_rules()
        .unwrap()
        .iter()
        .flat_map(|r| &r.patterns)
        .flat_map(|p| {
            std::iter::once(p.regex.0.clone())
                .chain(p.unless.iter().map(|u| u.0.clone()))
                .chain(p.context.iter().map(|c| c.0.clone()))
        })
        .collect();
    for unicode in [true, false] {
        median(
            &format!(
                "insecure: compile all {} regexes (unicode {unicode})",
                insecure_regexes.len()
            ),
            5,
            || {
                for r in &insecure_regexes {
                    black_box(
                        regex::bytes::RegexBuilder::new(r)
                            .unicode(unicode)
                            .build()
                            .unwrap(),
                    );
                }
            },
        );
    }
    median("ai: parse the built-in catalogue", 20, || {
        black_box(git_charter::rules::signatures::builtin_specs().unwrap());
    });
    let message = "Fix cursor leak in the connection pool\n\nThe cursor was never closed when the query failed,\nso long-running workers ran out of handles.\n\nSigned-off-by: Jane Doe <jane@example.com>\n";
    let ai_message = "Add retry to the uploader\n\nGenerated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n";
    let author = git_charter::model::Ident::parse("Jane Doe <jane@example.com>").unwrap();
    for (what, msg) in [("plain", message), ("AI-written", ai_message)] {
        median(
            &format!("ai: new + detect, {what} message (commit-msg)"),
            20,
            || {
                let s = git_charter::detect::ai::Signatures::new(&c.ai).unwrap();
                let t = git_charter::detect::trailers::parse(
                    msg,
                    Default::default(),
                    &Default::default(),
                );
                black_box(s.detect(msg, &t, Some(&author), Some(&author)));
            },
        );
    }
    median("detectors: compile all rules and matchers", 20, || {
        black_box(Detectors::build(&parts).unwrap());
    });
    let d = Detectors::build(&parts).unwrap();
    let text = corpus();
    let mut out = Vec::new();
    let m = median(
        &format!("secrets: scan {} MiB of Rust source", text.len() >> 20),
        5,
        || {
            out.clear();
            d.secrets.scan(
                "corpus.rs",
                &text,
                LineMap::Contiguous { first: 1 },
                &mut out,
            );
        },
    );
    println!(
        "{:<44} {:>10.1} MB/s",
        "secrets: throughput",
        text.len() as f64 / m.as_secs_f64() / 1e6
    );
    let mut ins = Vec::new();
    let hook_text = &text[..text.len().min(40_000)];
    median("insecure: new + scan 40 KB (one commit)", 20, || {
        let s = git_charter::detect::insecure::InsecureScanner::new(&c.insecure).unwrap();
        let mut out = Vec::new();
        s.scan(
            "src/lib.rs",
            hook_text,
            LineMap::Contiguous { first: 1 },
            &mut out,
        );
        black_box(out);
    });
    median("classes: new + classify 40 KB (one commit)", 20, || {
        let cl = git_charter::detect::classes::Classifier::new(&c.classes, &c.tiers).unwrap();
        black_box(cl.classify("src/lib.rs", hook_text));
    });
    let m = median("insecure: scan the same source", 5, || {
        ins.clear();
        d.insecure().scan(
            "corpus.rs",
            &text,
            LineMap::Contiguous { first: 1 },
            &mut ins,
        );
    });
    println!(
        "{:<44} {:>10.1} MB/s",
        "insecure: throughput",
        text.len() as f64 / m.as_secs_f64() / 1e6
    );
}
