//! Suppression is visible and cannot be smuggled: inline markers only in comments, only on the
//! finding's first line, listed in every format and judged by `secrets.inline_ignore`; text that
//! passes for binary, files over the size limit and base64 values in Kubernetes Secrets.

use crate::common::*;
use serde_json::Value;

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.all()))
}

/// A repository with one commit, then `rel` committed with `content`: `ci --base HEAD~1` judges it.
fn committed(rel: &str, content: impl AsRef<[u8]>, charter: Option<&str>) -> Repo {
    let r = Repo::new();
    r.add("README.md", "hello\n");
    if let Some(c) = charter {
        r.add(".charter/charter.yaml", c);
    }
    r.commit("init");
    r.add(rel, content);
    r.commit("change");
    r
}

fn ci(r: &Repo, format: &str) -> Run {
    r.charter(&["ci", "--base", "HEAD~1", "--format", format])
}

fn secret_violations(report: &Value, level: &str) -> usize {
    report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["policy_id"] == "CH-SECRET-001" && v["level"] == level)
        .count()
}

/// `NOTE = "see CHARTER:ALLOW docs"` on the key's line silenced `ci`.
#[test]
fn a_marker_in_a_string_literal_or_in_another_case_does_not_silence_ci() {
    let key = aws_key_id();
    for line in [
        format!("KEY = \"{key}\"; NOTE = \"see CHARTER:ALLOW docs\"\n"),
        format!("KEY = \"{key}\"; NOTE = \"see charter:allow docs\"\n"),
        format!("KEY = \"{key}\"  # GITLEAKS:ALLOW\n"),
    ] {
        let r = committed("app/settings.py", &line, None);
        let run = ci(&r, "json");
        assert_eq!(run.code, 1, "{line}: {}", run.all());
        let report = json(&run);
        assert_eq!(secret_violations(&report, "deny"), 1, "{report:#}");
        assert_eq!(report["suppressed"], serde_json::json!([]));
    }
}

/// `ci` exited 0 and no format said anything was suppressed.
#[test]
fn a_suppressed_finding_is_a_warning_in_json_and_a_suppressed_sarif_result() {
    let key = aws_key_id();
    let r = committed(
        "app/settings.py",
        format!("KEY = \"{key}\"  # gitleaks:allow\n"),
        None,
    );
    let run = ci(&r, "json");
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(!run.all().contains(&key), "{}", run.all());
    let report = json(&run);
    assert_eq!(secret_violations(&report, "deny"), 0, "{report:#}");
    assert_eq!(secret_violations(&report, "warn"), 1, "{report:#}");
    let sup = report["suppressed"].as_array().unwrap();
    assert_eq!(sup.len(), 1, "{report:#}");
    assert_eq!(sup[0]["path"], "app/settings.py");
    assert_eq!(sup[0]["line"], 1);
    assert_eq!(sup[0]["suppressed"]["kind"], "inSource");
    assert_eq!(sup[0]["suppressed"]["marker"], "gitleaks:allow");
    assert!(sup[0]["commit"].is_string());

    let run = ci(&r, "sarif");
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(!run.stdout.contains(&key));
    let sarif = json(&run);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let suppressed: Vec<&Value> = results
        .iter()
        .filter(|x| x.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1, "{sarif:#}");
    assert_eq!(suppressed[0]["suppressions"][0]["kind"], "inSource");
    assert_eq!(suppressed[0]["ruleId"], "CH-SECRET-001");
    assert_eq!(
        suppressed[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );

    let console = ci(&r, "console");
    assert!(
        console.stdout.contains("1 finding suppressed inline"),
        "{}",
        console.all()
    );
}

#[test]
fn inline_ignore_allow_is_silent_but_the_finding_is_still_listed() {
    let key = aws_key_id();
    let r = committed(
        "app/settings.py",
        format!("KEY = \"{key}\"  # charter:allow\n"),
        Some("secrets:\n  inline_ignore: allow\n"),
    );
    let run = ci(&r, "json");
    assert_eq!(run.code, 0, "{}", run.all());
    let report = json(&run);
    assert_eq!(secret_violations(&report, "warn"), 0, "{report:#}");
    assert_eq!(report["suppressed"].as_array().unwrap().len(), 1);
}

#[test]
fn inline_ignore_deny_new_denies_a_marker_the_change_adds() {
    let key = aws_key_id();
    let r = committed(
        "lib/client.js",
        format!("const key = \"{key}\"; // pragma: allowlist secret\n"),
        Some("secrets:\n  inline_ignore: deny-new\n"),
    );
    let run = ci(&r, "json");
    assert_eq!(run.code, 1, "{}", run.all());
    let report = json(&run);
    assert_eq!(secret_violations(&report, "deny"), 1, "{report:#}");
    let msg = report["violations"][0]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(msg.contains("deny-new"), "{report:#}");
    // The same marker at pre-commit: the hook judges the same change the same way.
    r.add(
        "lib/other.js",
        format!("const k2 = \"{key}\"; // pragma: allowlist secret\n"),
    );
    assert_eq!(r.charter(&["pre-commit"]).code, 1);
}

#[test]
fn an_unknown_inline_ignore_value_is_a_charter_error_naming_its_line() {
    let r = Repo::new();
    r.write(
        ".charter/charter.yaml",
        "secrets:\n  inline_ignore: sometimes\n",
    );
    let run = r.charter(&["charter"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(run.stderr.contains("charter.yaml:2:"), "{}", run.stderr);
    assert!(run.stderr.contains("deny-new"), "{}", run.stderr);
}

fn pem(begin_suffix: &str, end_suffix: &str) -> String {
    format!(
        "-----BEGIN RSA PRIVATE KEY-----{begin_suffix}\nMIIEowIBAAKCAQEA7r3Q9vKk2m8XyL1pTqWz5nHdJf0sBcU4aYgE6iRtO\nw3Lx9PqZ2VnB7cM5kD1sF8hJ4gT6yU0oI3eR9wQ2aS5dF7gH1jK4lZ8xC6vB3nM\n-----END RSA PRIVATE KEY-----{end_suffix}\n"
    )
}

/// A marker on a PEM block's END line hid the whole key.
#[test]
fn a_marker_on_the_end_line_of_a_key_does_not_hide_it() {
    let r = committed("deploy/setup.sh", pem("", " # gitleaks:allow"), None);
    let run = ci(&r, "json");
    assert_eq!(run.code, 1, "{}", run.all());
    assert_eq!(json(&run)["suppressed"], serde_json::json!([]));
    let r = committed("deploy/setup.sh", pem(" # gitleaks:allow", ""), None);
    let run = ci(&r, "json");
    assert_eq!(run.code, 0, "{}", run.all());
    assert_eq!(json(&run)["suppressed"].as_array().unwrap().len(), 1);
}

#[test]
fn the_input_document_lists_suppressed_findings_apart() {
    let key = aws_key_id();
    let r = Repo::new();
    r.add(
        "a.py",
        format!("A = \"{key}\"  # charter:allow\nB = \"{key}\"\n"),
    );
    let input = r.input();
    let sup = input["suppressed"].as_array().unwrap();
    assert_eq!(sup.len(), 1, "{input:#}");
    assert_eq!(sup[0]["line"], 1);
    let findings = input["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{input:#}");
    assert_eq!(findings[0]["line"], 2);
    assert_eq!(
        file(&input, "a.py")["findings"].as_array().unwrap().len(),
        1
    );
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| {
            if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        })
        .collect()
}

/// One NUL byte, UTF-16 without a BOM or UTF-32 turned a file with a key into "skipped 1 binary"
/// and a pass.
#[test]
fn text_disguised_as_binary_is_scanned() {
    let text = format!("# settings\naws_access_key_id = \"{}\"\n", aws_key_id());
    let utf32: Vec<u8> = text
        .chars()
        .flat_map(|c| (c as u32).to_le_bytes())
        .collect();
    let nul = text.replacen('\n', "\0\n", 1).into_bytes();
    for (name, bytes) in [
        ("utf16le", utf16(&text, true)),
        ("utf16be", utf16(&text, false)),
        ("utf32", utf32),
        ("nul", nul),
    ] {
        let r = committed("conf/settings.ini", &bytes, None);
        let run = ci(&r, "json");
        assert_eq!(run.code, 1, "{name}: {}", run.all());
        let report = json(&run);
        assert_eq!(secret_violations(&report, "deny"), 1, "{name}: {report:#}");
        assert_eq!(report["stats"]["skipped_binary"], 0, "{name}");
    }
}

/// Padding past the size limit turned a file with a key into "skipped 1 too large" and a pass.
#[test]
fn a_file_over_the_size_limit_is_a_warning_naming_it_in_ci() {
    let body = format!(
        "aws_access_key_id = \"{}\"\n{}\n",
        aws_key_id(),
        "#".repeat(400)
    );
    let r = committed(
        "data/dump.sql",
        body,
        Some("limits:\n  max_file_size: 200\n"),
    );
    let run = ci(&r, "json");
    let report = json(&run);
    let warned = report["violations"].as_array().unwrap().iter().any(|v| {
        v["level"] == "warn"
            && v["path"] == "data/dump.sql"
            && v["message"]
                .as_str()
                .unwrap_or_default()
                .contains("max_file_size")
    });
    assert!(warned, "{report:#}");
}

fn base64(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for c in data.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            s.push(if i <= c.len() {
                A[((n >> (18 - 6 * i)) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    s
}

/// A base64-encoded key in a Kubernetes Secret (`tls.key:`) was missed.
#[test]
fn a_base64_key_in_a_kubernetes_secret_is_denied_on_its_line() {
    let encoded = base64(pem("", "").as_bytes());
    let manifest = format!(
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls\ntype: kubernetes.io/tls\ndata:\n  tls.key: {encoded}\n"
    );
    let r = committed("k8s/tls.yaml", manifest, None);
    let run = ci(&r, "json");
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(!run.stdout.contains(&encoded[..32]), "{}", run.stdout);
    let report = json(&run);
    let v = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["policy_id"] == "CH-SECRET-001")
        .unwrap_or_else(|| panic!("{report:#}"));
    assert_eq!(v["path"], "k8s/tls.yaml");
    assert_eq!(v["line"], 7);
    assert!(
        v["message"]
            .as_str()
            .unwrap_or_default()
            .contains("private"),
        "{report:#}"
    );
}

/// A suppressed finding is not accepted into the baseline: removing its marker must bring it back.
#[test]
fn baseline_does_not_record_suppressed_findings() {
    let key = aws_key_id();
    let r = Repo::new();
    r.write("a.py", format!("A = \"{key}\"  # charter:allow\n"));
    let run = r.charter(&["baseline"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let text = std::fs::read_to_string(r.path().join(".charter/baseline.json")).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["findings"], serde_json::json!([]), "{text}");
    r.write("a.py", format!("A = \"{key}\"\n"));
    r.git(&["add", "a.py"]);
    assert_eq!(r.charter(&["pre-commit"]).code, 1);
}
