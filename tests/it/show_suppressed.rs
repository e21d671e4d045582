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

/// The suppressed entries of `kind` (`secret`, `insecure`, `class-signal`).
fn of_kind<'a>(report: &'a Value, kind: &str) -> Vec<&'a Value> {
    report["suppressed"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["kind"] == kind)
        .collect()
}

/// SARIF results carrying `suppressions`, as (ruleId, suppression kind, message).
fn sarif_suppressed(sarif: &Value) -> Vec<(String, String, String)> {
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    run["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["suppressions"].is_array())
        .map(|x| {
            let id = x["ruleId"].as_str().unwrap().to_string();
            // Every result names a rule of the run, at the index it gives.
            if let Some(i) = x["ruleIndex"].as_u64() {
                assert_eq!(rules[i as usize]["id"], id.as_str(), "{x:#}");
            }
            (
                id,
                x["suppressions"][0]["kind"].as_str().unwrap().to_string(),
                x["message"]["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// A file where an inline marker suppresses an insecure pattern, and one where it silences a
/// class signal, each added in the middle of a committed file (the hooks see added lines only).
fn repo_with_markers() -> Repo {
    let r = Repo::new();
    r.add(
        "app/client.py",
        "import requests\n\n\ndef get(url):\n    pass\n",
    );
    r.add(
        "api/tokens.py",
        "import os\n\n\n\ndef check(token, key):\n    pass\n",
    );
    r.commit("init");
    r.add(
        "app/client.py",
        "import requests\n\n\ndef get(url):\n    return requests.get(url, verify=False)  # charter:allow=tls-verify-disabled\n",
    );
    r.add(
        "api/tokens.py",
        "import os\n\n\n\ndef check(token, key):\n    claims = jwt.decode(token, key)  # charter:allow=auth\n    return claims\n",
    );
    r
}

#[test]
fn inline_markers_on_insecure_patterns_and_class_signals_are_listed_in_every_format() {
    let r = repo_with_markers();
    for stage in [&["pre-commit"][..], &["scan"][..]] {
        let args = |format: &'static str| {
            let mut a = stage.to_vec();
            a.extend(["--format", format, "--show-suppressed"]);
            a
        };
        let run = r.charter(&args("json"));
        assert_eq!(run.code, 0, "{}", run.all());
        let report = json(&run);
        let insecure = of_kind(&report, "insecure");
        assert_eq!(insecure.len(), 1, "{report:#}");
        let x = insecure[0];
        assert_eq!(x["rule_id"], "tls-verify-disabled");
        assert_eq!(
            (x["path"].as_str(), x["line"].as_u64()),
            (Some("app/client.py"), Some(5))
        );
        assert_eq!(x["by"], "inline");
        assert_eq!(
            x["reason"],
            "inline marker `charter:allow=tls-verify-disabled`"
        );
        assert!(
            x["preview"].as_str().unwrap().contains("verify=False"),
            "{x}"
        );
        let signals = of_kind(&report, "class-signal");
        assert!(!signals.is_empty(), "{report:#}");
        for s in &signals {
            assert_eq!(s["class"], "auth", "{s}");
            assert_eq!(
                (s["path"].as_str(), s["line"].as_u64()),
                (Some("api/tokens.py"), Some(6))
            );
            assert_eq!(s["by"], "inline");
            assert_eq!(s["suppressed"]["marker"], "charter:allow=auth");
            assert!(
                s["reason"].as_str().unwrap().contains("charter:allow=auth"),
                "{s}"
            );
            assert!(s["preview"].as_str().unwrap().contains("jwt.decode"), "{s}");
            assert!(!s["rule_id"].as_str().unwrap().is_empty(), "{s}");
        }
        // One section, grouped by file, a reason on every line.
        let run = r.charter(&args("console"));
        let out = run.stdout;
        assert_eq!(out.matches("suppressed\n").count(), 1, "{out}");
        let section = &out[out.find("suppressed\n").unwrap()..];
        for needle in [
            "  api/tokens.py\n",
            "  app/client.py\n",
            "class-signal  inline  auth:",
            "insecure  inline  tls-verify-disabled",
        ] {
            assert!(section.contains(needle), "{needle}: {out}");
        }
        let listed: Vec<&str> = section
            .lines()
            .filter(|l| l.contains("  inline  "))
            .collect();
        assert!(listed.len() >= 2, "{out}");
        assert!(
            listed.iter().all(|l| l.contains("why: inline marker")),
            "{out}"
        );
        // SARIF: dismissed results, in source.
        let sarif: Value = serde_json::from_str(&r.charter(&args("sarif")).stdout).unwrap();
        let got = sarif_suppressed(&sarif);
        assert!(
            got.iter().any(|(id, kind, text)| id == "CH-INSECURE-001"
                && kind == "inSource"
                && text.contains("tls-verify-disabled")),
            "{got:?}"
        );
        assert!(
            got.iter().any(|(id, kind, text)| id == "class-signal"
                && kind == "inSource"
                && text.contains("charter:allow=auth")),
            "{got:?}"
        );
    }
}

#[test]
fn a_marker_naming_another_id_or_inside_a_string_suppresses_nothing() {
    let r = Repo::new();
    r.add(
        "app/client.py",
        "import requests\nr = requests.get(url, verify=False)  # charter:allow=chmod-777\n",
    );
    r.add(
        "app/fetch.py",
        "import requests\nr = requests.get(url, verify=False, note=\"# charter:allow\")\n",
    );
    r.add(
        "api/tokens.py",
        "claims = jwt.decode(token, key)  # charter:allow=crypto\n",
    );
    r.add(
        "api/verify.py",
        "claims = jwt.decode(token, \"# charter:allow\")\n",
    );
    let run = r.charter(&["pre-commit", "--format", "json", "--show-suppressed"]);
    let report = json(&run);
    assert!(of_kind(&report, "insecure").is_empty(), "{report:#}");
    let denied: Vec<&Value> = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["policy_id"] == "CH-INSECURE-001")
        .collect();
    assert_eq!(denied.len(), 2, "{report:#}");
    // No auth signal silenced, and both files stay in the class.
    let auth: Vec<&Value> = of_kind(&report, "class-signal")
        .into_iter()
        .filter(|s| s["class"] == "auth")
        .collect();
    assert!(auth.is_empty(), "{report:#}");
    let input = r.input();
    for path in ["api/tokens.py", "api/verify.py"] {
        let classes = &file(&input, path)["classes"];
        assert!(
            classes.as_array().unwrap().iter().any(|c| c == "auth"),
            "{path}: {classes}"
        );
    }
}

/// Without `--show-suppressed` the output is what it was: inline-suppressed findings (secrets and
/// insecure patterns) are listed, silenced class signals and filtered candidates are not, and the
/// console has no suppressed section.
#[test]
fn without_the_flag_only_inline_suppressed_findings_are_listed() {
    let r = repo_with_markers();
    let report = json(&r.charter(&["pre-commit", "--format", "json"]));
    let kinds: Vec<&str> = report["suppressed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["insecure"], "{report:#}");
    let out = r.charter(&["pre-commit", "--color", "never"]).stdout;
    assert!(
        !out.contains("suppressed\n") && !out.contains("class-signal"),
        "{out}"
    );
    assert!(out.contains("1 finding suppressed inline"), "{out}");
    let sarif: Value =
        serde_json::from_str(&r.charter(&["pre-commit", "--format", "sarif"]).stdout).unwrap();
    let got = sarif_suppressed(&sarif);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "CH-INSECURE-001");
}

/// A secret on the line of an insecure pattern: the pattern's preview shows the line, never the
/// secret, whether the secret is reported, suppressed by a stopword or under an allowlisted path,
/// in every format, with and without `--show-suppressed`.
#[test]
fn a_secret_on_an_insecure_line_never_reaches_a_preview() {
    let r = Repo::new();
    r.add(".charter/charter.yaml", CHARTER);
    let key = aws_key_id();
    let stop = format!("{}sandboxonly", body(21, 22));
    let fixture = body(22, 30);
    r.add(
        "app/client.py",
        format!("requests.get(url, verify=False, auth=(\"{key}\", s))\n"),
    );
    r.add(
        "app/other.py",
        format!("SERVICE_SECRET = \"{stop}\"; requests.get(url, verify=False)\n"),
    );
    r.add(
        "fixtures/conf.py",
        format!("API_SECRET = \"{fixture}\"; requests.get(url, verify=False)  # charter:allow\n"),
    );
    let secrets = [&key[4..], stop.as_str(), fixture.as_str()];
    for stage in ["pre-commit", "scan"] {
        for format in ["console", "json", "sarif", "github"] {
            for flag in [true, false] {
                let mut args = vec![stage, "--format", format];
                if flag {
                    args.push("--show-suppressed");
                }
                let run = r.charter(&args);
                let out = run.all();
                assert!(out.contains("verify=False"), "{args:?}: {out}");
                for s in secrets {
                    assert!(!out.contains(s), "{args:?}: {s} leaked: {out}");
                }
            }
        }
    }
    let report = json(&r.charter(&["scan", "--format", "json", "--show-suppressed"]));
    let previews: Vec<&str> = of_kind(&report, "insecure")
        .iter()
        .filter(|x| x["rule_id"] == "tls-verify-disabled")
        .map(|x| x["preview"].as_str().unwrap())
        .collect();
    assert_eq!(previews.len(), 1, "{report:#}");
    assert!(previews[0].contains("API_SECRET = \""), "{previews:?}");
}
