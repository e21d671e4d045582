//! `--show-suppressed`: what placeholder filters, allowlists (paths, regexes, stopwords), the
//! baseline and inline markers removed is listed with the reason and a redacted preview, in real
//! repositories, on `scan`, `pre-commit` and `ci`; without the flag only inline-marked ones are.

use crate::common::*;
use serde_json::Value;

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.all()))
}

/// A random-looking body, different per seed (no secret literal sits in the test source).
fn body(seed: u64, n: usize) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            A[(x % 62) as usize] as char
        })
        .collect()
}

/// (by, rule, preview, reason) of every suppressed entry.
fn entries(report: &Value) -> Vec<(String, String, String, String)> {
    report["suppressed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            let s = |k: &str| x[k].as_str().unwrap_or_default().to_string();
            (s("by"), s("rule_id"), s("preview"), s("reason"))
        })
        .collect()
}

const CHARTER: &str =
    "secrets:\n  allow_paths: [\"fixtures/**\"]\n  stopwords: [\"sandboxonly\"]\n";

/// One file per kind: a placeholder, an allowlisted path, a stopword, an inline marker.
fn repo_with_every_kind() -> (Repo, Vec<String>) {
    let r = Repo::new();
    r.add(".charter/charter.yaml", CHARTER);
    let secrets = vec![body(1, 28), body(2, 28), body(3, 24), body(4, 30)];
    r.add(
        "app/settings.py",
        format!(
            "API_TOKEN = \"{}{}\"\nSERVICE_SECRET = \"{}\"  # charter:allow\nSIGNING_KEY = \"{}sandboxonly\"\n",
            "x".repeat(12),
            "${TOKEN_FROM_ENV}",
            secrets[0],
            secrets[2],
        ),
    );
    r.add(
        "fixtures/conf.py",
        format!("API_SECRET = \"{}\"\n", secrets[1]),
    );
    (r, secrets)
}

fn assert_every_kind(report: &Value, secrets: &[String]) {
    let got = entries(report);
    let by: Vec<&str> = got.iter().map(|e| e.0.as_str()).collect();
    for kind in ["inline", "placeholder", "path", "allowlist"] {
        assert!(by.contains(&kind), "{kind} missing: {got:?}");
    }
    assert!(got.iter().all(|e| !e.3.is_empty()), "{got:?}");
    let stop = got.iter().find(|e| e.0 == "allowlist").unwrap();
    assert!(stop.3.contains("stopword"), "{stop:?}");
    let path = got.iter().find(|e| e.0 == "path").unwrap();
    assert!(path.3.contains("allow_paths"), "{path:?}");
    // Never a full secret, anywhere in the document.
    let text = report.to_string();
    for s in secrets {
        assert!(!text.contains(s.as_str()), "{s} leaked");
    }
}

#[test]
fn scan_lists_every_kind_of_suppression_with_its_reason() {
    let (r, secrets) = repo_with_every_kind();
    let run = r.charter(&["scan", "--format", "json", "--show-suppressed"]);
    assert_every_kind(&json(&run), &secrets);
    // Without the flag only the inline-marked finding is listed, with its reason.
    let run = r.charter(&["scan", "--format", "json"]);
    let got = entries(&json(&run));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "inline");
    assert_eq!(got[0].3, "inline marker `charter:allow`");
}

#[test]
fn pre_commit_lists_suppressions_in_the_console() {
    let (r, secrets) = repo_with_every_kind();
    let run = r.charter(&["pre-commit", "--show-suppressed", "--color", "never"]);
    let out = run.all();
    assert!(out.contains("suppressed\n"), "{out}");
    for needle in [
        "placeholder",
        "path matches secrets.allow_paths",
        "stopword",
        "inline marker",
    ] {
        assert!(out.contains(needle), "{needle}: {out}");
    }
    for s in &secrets {
        assert!(!out.contains(s.as_str()), "{s} leaked: {out}");
    }
    let quiet = r.charter(&["pre-commit", "--color", "never"]).all();
    assert!(!quiet.contains("path matches"), "{quiet}");
}

#[test]
fn ci_lists_what_the_baseline_accepts() {
    let r = Repo::new();
    r.add("README.md", "hello\n");
    r.commit("init");
    let token = body(9, 32);
    // The baseline is read from the base side: accept the finding there, commit it after.
    r.write("app/conf.py", format!("SERVICE_SECRET = \"{token}\"\n"));
    let run = r.charter(&["baseline"]);
    assert_eq!(run.code, 0, "{}", run.all());
    r.git(&["add", ".charter"]);
    r.commit("baseline");
    r.add("app/conf.py", format!("SERVICE_SECRET = \"{token}\"\n"));
    r.commit("change");
    let run = r.charter(&[
        "ci",
        "--base",
        "HEAD~1",
        "--format",
        "json",
        "--show-suppressed",
    ]);
    let report = json(&run);
    let got = entries(&report);
    let base: Vec<_> = got.iter().filter(|e| e.0 == "baseline").collect();
    assert_eq!(base.len(), 1, "{got:?} {}", run.all());
    assert!(base[0].3.contains("baseline.json"), "{got:?}");
    assert!(report["suppressed"][0]["commit"].is_string(), "{report:#}");
    assert!(!report.to_string().contains(token.as_str()));
    let run = r.charter(&["ci", "--base", "HEAD~1", "--format", "json"]);
    assert!(entries(&json(&run)).is_empty());
}
