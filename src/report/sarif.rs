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
            // (message, trailers, identities) is placed on the charter that it breaks, with a logical
            // location naming the commit.
            let path = v.path.as_deref().unwrap_or(COMMIT_LEVEL_PATH);
            let mut loc = json!({"physicalLocation": {"artifactLocation": {"uri": uri(path), "uriBaseId": "%SRCROOT%"}}});
            if let (Some(l), Some(_)) = (v.line, &v.path) {
                loc["physicalLocation"]["region"] = json!({"startLine": l});
            }
            if v.path.is_none() {
                // What the result is really about: the commit's message and metadata.
                let fqn = match &v.commit {
                    Some(c) => format!("commit:{c}"),
                    None => "commit:staged".to_string(),
                };
                loc["logicalLocations"] = json!([{
                    "name": "commit message and metadata",
                    "fullyQualifiedName": fqn,
                    "kind": "resource",
                }]);
            }
            result["locations"] = json!([loc]);
            if let Some(c) = &v.commit {
                result["properties"] = match v.at_head {
                    Some(h) => json!({"commit": c, "at_head": h}),
                    None => json!({"commit": c}),
                };
                // The alert is shown on HEAD's tree; the commit says where the change really was.
                let text = result["message"]["text"].as_str().unwrap_or_default().to_string();
                result["message"]["text"] = json!(format!("commit {}: {text}", &c[..c.len().min(12)]));
            }
            result
        })
        .collect();
    // Inline-suppressed findings always; with `--show-suppressed`, every suppressed entry.
    let listed: Vec<&super::Suppressed> = report.listed_suppressed().collect();
    let mut rules = rules;
    if listed.iter().any(|x| !x.is_finding()) {
        rules.push(json!({
            "id": CLASS_SIGNAL_RULE,
            "name": "ClassSignal",
            "shortDescription": {"text": "Class signal silenced by an inline marker"},
            "fullDescription": {"text": "A content signal that would count towards a charter class (auth, crypto, …) on a line whose `charter:allow` comment silences it."},
            "defaultConfiguration": {"level": "note"},
            "properties": {"tags": ["git-charter"]},
        }));
    }
    results.extend(listed.iter().map(|x| suppressed(report, x)));
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
/// The policy that reports insecure patterns.
pub const INSECURE_POLICY_ID: &str = "CH-INSECURE-001";
/// The rule of silenced class signals: no policy reports them, they only change a file's classes.
pub const CLASS_SIGNAL_RULE: &str = "class-signal";

/// A suppressed finding or class signal as SARIF 2.1.0 says (§3.27.23, §3.35): a result with
/// `suppressions`, which code scanning lists as dismissed rather than dropping it. The kind is
/// `inSource` for an inline marker, `external` for what the charter's filters, allowlists or the
/// baseline removed. Secrets are results of the secrets policy, insecure patterns of the insecure
/// one, class signals of the `class-signal` rule (level `note`).
fn suppressed(report: &Report, x: &super::Suppressed) -> Value {
    use super::SuppressedItem;
    let (policy, level, title) = match &x.item {
        SuppressedItem::Secret(f) => {
            let sev = rule_severity(report, SECRET_POLICY_ID).unwrap_or(Severity::Critical);
            (
                SECRET_POLICY_ID,
                level_for(sev, Level::Deny),
                f.title.as_str(),
            )
        }
        SuppressedItem::Insecure(p) => {
            let level = match p.action {
                crate::config::insecure::Action::Deny => Level::Deny,
                _ => Level::Warn,
            };
            (
                INSECURE_POLICY_ID,
                level_for(p.severity, level),
                p.title.as_str(),
            )
        }
        SuppressedItem::ClassSignal(_) => (CLASS_SIGNAL_RULE, "note", "class signal"),
        SuppressedItem::Violation(w) => (
            w.violation.policy_id.as_str(),
            level_for(w.violation.severity, w.violation.level),
            w.violation.title.as_str(),
        ),
    };
    let how = if x.is_inline() {
        format!("suppressed in source: {}", x.reason)
    } else {
        format!("suppressed by {}: {}", x.by, x.reason)
    };
    let text = match &x.item {
        SuppressedItem::Violation(w) => format!("{}: {} ({how})", x.id(), w.violation.message),
        _ => format!("{}: {title} ({}) {how}", x.id(), x.preview()),
    };
    let key = match &x.item {
        SuppressedItem::Secret(f) => f.fingerprint.clone(),
        SuppressedItem::Violation(w) if w.violation.fingerprint.is_some() => {
            w.violation.fingerprint.clone().unwrap_or_default()
        }
        _ => format!("{}\0{}\0{}", x.path(), x.id(), x.preview()),
    };
    let mut h = Sha256::new();
    for part in [policy, "suppressed", x.kind(), x.by, &key] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    let fp: String = h
        .finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut loc = json!({"physicalLocation": {
        "artifactLocation": {"uri": uri(x.path()), "uriBaseId": "%SRCROOT%"},
    }});
    // A finding on a file's path is on line 0: the file, not a region of it.
    if x.line() > 0 {
        let mut region = json!({"startLine": x.line()});
        if let SuppressedItem::Secret(f) = &x.item {
            if f.column > 0 {
                region["startColumn"] = json!(f.column);
            }
            region["endLine"] = json!(f.end_line.max(f.line));
        }
        loc["physicalLocation"]["region"] = region;
    }
    let suppression = if x.is_inline() {
        json!({"kind": "inSource", "justification": format!("{} in a comment on the line", x.reason)})
    } else {
        json!({"kind": "external", "status": "accepted", "justification": format!("{}: {}", x.by, x.reason)})
    };
    let mut result = json!({
        "ruleId": policy,
        "level": level,
        "message": {"text": text},
        "partialFingerprints": {"gitCharter/v1": fp},
        "locations": [loc],
        "suppressions": [suppression],
        "properties": {"kind": x.kind(), "by": x.by},
    });
    if let Some(i) = rule_index(report, policy) {
        result["ruleIndex"] = json!(i);
    }
    if let Some(c) = &x.commit {
        result["properties"]["commit"] = json!(c);
        result["message"]["text"] = json!(format!("commit {}: {text}", &c[..c.len().min(12)]));
    }
    result
}

fn rule_severity(report: &Report, id: &str) -> Option<Severity> {
    report.rules.iter().find(|r| r.id == id).map(|r| r.severity)
}

/// The index of rule `id` in the run's `rules`: a policy's, or the class-signal rule appended
/// after them.
fn rule_index(report: &Report, id: &str) -> Option<usize> {
    if id == CLASS_SIGNAL_RULE {
        return Some(report.rules.len());
    }
    report.rules.iter().position(|r| r.id == id)
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
