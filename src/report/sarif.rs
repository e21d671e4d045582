//! SARIF 2.1.0 for code-scanning upload: rules from policy METADATA, results on file and line,
//! partial fingerprints that contain no secret bytes (findings carry only redacted previews).

use super::Report;
use crate::model::{Level, Severity};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// Where a violation without a file is shown: the repository's charter.
pub const COMMIT_LEVEL_PATH: &str = ".charter/charter.yaml";

pub fn render(report: &Report) -> String {
    let rules: Vec<Value> = report
        .rules
        .iter()
        .map(|r| {
            let mut rule = json!({
                "id": r.id,
                "name": r.id.replace('-', ""),
                "shortDescription": {"text": r.title},
                "fullDescription": {"text": if r.description.is_empty() { &r.title } else { &r.description }},
                "defaultConfiguration": {"level": level_for(r.severity, Level::Deny)},
                "properties": {"security-severity": security_severity(r.severity), "tags": ["git-charter"]},
            });
            if !r.remediation.is_empty() {
                rule["help"] = json!({"text": r.remediation});
            }
            rule
        })
        .collect();
    let mut results: Vec<Value> = report
        .violations
        .iter()
        .map(|v| {
            let mut result = json!({
                "ruleId": v.policy_id,
                "level": level_for(v.severity, v.level),
                "message": {"text": match &v.remediation {
                    Some(r) => format!("{}\n{}", v.message, r),
                    None => v.message.clone(),
                }},
                "partialFingerprints": {"gitCharter/v1": fingerprint(v)},
            });
            if let Some(i) = report.rules.iter().position(|r| r.id == v.policy_id) {
                result["ruleIndex"] = json!(i);
            }
            // Code scanning drops a result without a physical location, so a commit-level violation
            // (message, trailers, identities) is placed on the charter that it breaks.
            let path = v.path.as_deref().unwrap_or(COMMIT_LEVEL_PATH);
            let mut loc = json!({"physicalLocation": {"artifactLocation": {"uri": uri(path), "uriBaseId": "%SRCROOT%"}}});
            if let (Some(l), Some(_)) = (v.line, &v.path) {
                loc["physicalLocation"]["region"] = json!({"startLine": l});
            }
            result["locations"] = json!([loc]);
            if let Some(c) = &v.commit {
                result["properties"] = json!({"commit": c});
                // The alert is shown on HEAD's tree; the commit says where the change really was.
                let text = result["message"]["text"].as_str().unwrap_or_default().to_string();
                result["message"]["text"] = json!(format!("commit {}: {text}", &c[..c.len().min(12)]));
            }
            result
        })
        .collect();
    results.extend(
        report
            .suppressed
            .iter()
            .filter(|x| x.is_inline())
            .map(|x| suppressed(report, x)),
    );
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "git-charter",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://crates.io/crates/git-charter",
                "rules": rules,
            }},
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("sarif serialises");
    s.push('\n');
    s
}

/// The policy whose denials suppressed secret findings would have been.
pub const SECRET_POLICY_ID: &str = "CH-SECRET-001";

/// A secret finding an inline marker suppresses, as SARIF 2.1.0 says (§3.27.23, §3.35): a result
/// of the secrets policy with `suppressions: [{"kind": "inSource"}]`, which code scanning lists as
/// dismissed rather than dropping it.
fn suppressed(report: &Report, x: &super::Suppressed) -> Value {
    let f = &x.finding;
    let marker = f.suppressed.map_or("inline marker", |s| s.marker);
    let rule = report.rules.iter().position(|r| r.id == SECRET_POLICY_ID);
    let severity = rule.map_or(Severity::Critical, |i| report.rules[i].severity);
    let text = format!(
        "{}: {} ({}) suppressed in source by `{marker}`",
        f.rule_id, f.title, f.preview
    );
    let mut h = Sha256::new();
    for part in [SECRET_POLICY_ID, "suppressed", &f.fingerprint] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    let fp: String = h
        .finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut result = json!({
        "ruleId": SECRET_POLICY_ID,
        "level": level_for(severity, Level::Deny),
        "message": {"text": text},
        "partialFingerprints": {"gitCharter/v1": fp},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": uri(&f.path), "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line},
        }}],
        "suppressions": [{
            "kind": "inSource",
            "justification": format!("`{marker}` in a comment on the line"),
        }],
    });
    if let Some(i) = rule {
        result["ruleIndex"] = json!(i);
    }
    if let Some(c) = &x.commit {
        result["properties"] = json!({"commit": c});
        result["message"]["text"] = json!(format!("commit {}: {text}", &c[..c.len().min(12)]));
    }
    result
}

fn level_for(sev: Severity, level: Level) -> &'static str {
    match (level, sev) {
        (Level::Warn, _) => "warning",
        (Level::Deny, Severity::Info) => "note",
        (Level::Deny, _) => "error",
    }
}

fn security_severity(sev: Severity) -> &'static str {
    match sev {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
        Severity::Info => "0.0",
    }
}

/// Percent-encodes what a relative URI reference may not contain.
fn uri(path: &str) -> String {
    let mut s = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                s.push(b as char)
            }
            _ => s.push_str(&format!("%{b:02X}")),
        }
    }
    s
}

/// Stable across line moves: policy, path and message (which holds only a redacted preview).
fn fingerprint(v: &crate::model::Violation) -> String {
    let mut h = Sha256::new();
    h.update(v.policy_id.as_bytes());
    h.update([0]);
    h.update(v.path.as_deref().unwrap_or("").as_bytes());
    h.update([0]);
    h.update(v.message.as_bytes());
    let d = h.finalize();
    d.iter().take(16).map(|b| format!("{b:02x}")).collect()
}
