//! Output of the policy commands: `policy test`, `policy check`, `policy list`.

use super::Format;
use super::escape::{self, printable, printable_text};
use crate::model::InitAction;
use crate::policy::{CheckProblem, Policy, TestRun};
use console::style;
use std::fmt::Write;

pub fn tests(run: &TestRun, format: Format) -> String {
    let outcomes = &run.outcomes;
    let passed = outcomes.iter().filter(|o| o.passed).count();
    let failed = outcomes.len() - passed;
    if format == Format::Json {
        let mut doc = serde_json::json!({
            "version": 1,
            "tests": outcomes,
            "passed": passed,
            "failed": failed,
        });
        if let Some(files) = &run.coverage {
            doc["coverage"] = serde_json::json!({
                "percent": round(run.total_coverage().unwrap_or(100.0)),
                "files": files.iter().map(|f| serde_json::json!({
                    "path": f.origin,
                    "percent": round(f.percent()),
                    "covered": f.covered,
                    "not_covered": f.not_covered,
                })).collect::<Vec<_>>(),
            });
        }
        return escape::json(serde_json::to_string_pretty(&doc).expect("serialises") + "\n");
    }
    if format == Format::Junit {
        return junit(run);
    }
    let mut s = String::new();
    let mut last = "";
    for o in outcomes {
        if o.origin != last {
            let _ = writeln!(s, "{}", style(printable(&o.origin)).bold());
            last = &o.origin;
        }
        let mark = if o.passed {
            style("PASS").green().bold()
        } else {
            style("FAIL").red().bold()
        };
        let _ = write!(
            s,
            "  {mark}  {}.{}",
            printable(&o.package),
            printable(&o.name)
        );
        if let Some(d) = o.detail.as_deref().filter(|_| !o.passed) {
            let (origin, d) = (printable(&o.origin), printable(d));
            let _ = write!(s, "  ({origin}:{}: {d})", o.line);
        }
        s.push('\n');
    }
    if outcomes.is_empty() {
        s.push_str("no test_* rules found (or none that --run selects)\n");
    }
    if let Some(files) = &run.coverage {
        let width = files
            .iter()
            .map(|f| printable(&f.origin).chars().count())
            .max()
            .unwrap_or(0);
        s.push_str("\ncoverage:\n");
        for f in files {
            let pct = format!("{:5.1}%", f.percent());
            let pct = if f.not_covered.is_empty() {
                style(pct).green()
            } else {
                style(pct).yellow()
            };
            let _ = write!(s, "  {:width$}  {pct}", printable(&f.origin));
            if !f.not_covered.is_empty() {
                let _ = write!(s, "  not covered: {}", line_ranges(&f.not_covered));
            }
            s.push('\n');
        }
        let _ = writeln!(s, "  total {:.1}%", run.total_coverage().unwrap_or(100.0));
    }
    // The plain closing line that test-runner parsers recognise.
    let _ = writeln!(s, "policy tests: {passed} passed, {failed} failed");
    s
}

/// A percentage to one decimal, for JSON.
fn round(p: f64) -> f64 {
    (p * 10.0).round() / 10.0
}

/// `3, 7-9, 12`: sorted line numbers as ranges.
pub fn line_ranges(lines: &[u32]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let start = lines[i];
        let mut end = start;
        while i + 1 < lines.len() && lines[i + 1] == end + 1 {
            i += 1;
            end = lines[i];
        }
        out.push(if start == end {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
        i += 1;
    }
    out.join(", ")
}

/// JUnit XML as CI systems read it: one `testsuite` per test file, one `testcase` per test, a
/// `failure` with the detail for each failed one; when coverage is measured, each suite's
/// properties give the coverage of the policy it tests.
fn junit(run: &TestRun) -> String {
    let outcomes = &run.outcomes;
    let failed = outcomes.iter().filter(|o| !o.passed).count();
    let secs = |us: u64| format!("{:.6}", us as f64 / 1e6);
    let total_us: u64 = outcomes.iter().map(|o| o.duration_us).sum();
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        s,
        "<testsuites name=\"git-charter policy test\" tests=\"{}\" failures=\"{failed}\" errors=\"0\" time=\"{}\">",
        outcomes.len(),
        secs(total_us)
    );
    let mut i = 0;
    while i < outcomes.len() {
        let origin = &outcomes[i].origin;
        let group: Vec<_> = outcomes[i..]
            .iter()
            .take_while(|o| &o.origin == origin)
            .collect();
        i += group.len();
        let _ = writeln!(
            s,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" time=\"{}\">",
            xml(origin),
            group.len(),
            group.iter().filter(|o| !o.passed).count(),
            secs(group.iter().map(|o| o.duration_us).sum())
        );
        // The coverage of the policy this file tests (`x_test.rego` tests `x.rego`), when measured.
        let tested = origin
            .strip_suffix("_test.rego")
            .map(|o| format!("{o}.rego"));
        if let Some(f) = run
            .coverage
            .iter()
            .flatten()
            .find(|f| Some(&f.origin) == tested.as_ref())
        {
            let _ = writeln!(
                s,
                "    <properties>\n      <property name=\"coverage\" value=\"{:.1}\"/>\n      <property name=\"not_covered\" value=\"{}\"/>\n    </properties>",
                f.percent(),
                line_ranges(&f.not_covered)
            );
        }
        for o in group {
            let _ = write!(
                s,
                "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" line=\"{}\" time=\"{}\"",
                xml(&o.package),
                xml(&o.name),
                xml(&o.origin),
                o.line,
                secs(o.duration_us)
            );
            if o.passed {
                s.push_str("/>\n");
            } else {
                let detail = o.detail.as_deref().unwrap_or("failed");
                let _ = writeln!(
                    s,
                    ">\n      <failure message=\"{}\">{}:{}: {}</failure>\n    </testcase>",
                    xml(detail),
                    xml(&o.origin),
                    o.line,
                    xml(detail)
                );
            }
        }
        s.push_str("  </testsuite>\n");
    }
    s.push_str("</testsuites>\n");
    s
}

/// Text as an XML attribute or element value: the five special characters as entities, and
/// characters XML 1.0 cannot carry at all (controls but tab and newline) as `\u{..}` escapes.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' => out.push(c),
            c if escape::is_unsafe(c) || matches!(c, '\u{fffe}' | '\u{ffff}') => {
                out.extend(c.escape_default())
            }
            c => out.push(c),
        }
    }
    out
}

pub fn check(policies: &[Policy], problems: &[CheckProblem], format: Format) -> String {
    if format == Format::Json {
        let doc =
            serde_json::json!({"version": 1, "policies": policies.len(), "problems": problems});
        return escape::json(serde_json::to_string_pretty(&doc).expect("serialises") + "\n");
    }
    let mut s = String::new();
    for p in problems {
        let _ = writeln!(
            s,
            "{}: {}",
            style(printable(&p.origin)).bold(),
            printable_text(&p.message)
        );
    }
    let _ = writeln!(
        s,
        "policy check: {} polic{} checked, {} problem{}",
        policies.len(),
        if policies.len() == 1 { "y" } else { "ies" },
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    s
}

pub fn list(policies: &[Policy], format: Format) -> String {
    if format == Format::Json {
        let items: Vec<_> = policies
            .iter()
            .map(|p| {
                serde_json::json!({
                    "id": p.id(), "title": p.title(), "package": p.package, "origin": p.origin,
                    "severity": p.severity(), "builtin": p.builtin,
                    "stages": p.metadata.custom.stages,
                })
            })
            .collect();
        return escape::json(serde_json::to_string_pretty(&items).expect("serialises") + "\n");
    }
    // Sorted by id, numbers compared as numbers (CH-AI-2 before CH-AI-10); columns as wide as
    // their widest cell, the origin last.
    let mut rows: Vec<[String; 5]> = policies
        .iter()
        .map(|p| {
            let stages = p
                .metadata
                .custom
                .stages
                .as_ref()
                .map(|v| v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(","))
                .unwrap_or_else(|| "all".into());
            [
                printable(p.id()).into_owned(),
                p.severity().as_str().to_string(),
                printable(&stages).into_owned(),
                printable(p.title()).into_owned(),
                printable(&p.origin).into_owned(),
            ]
        })
        .collect();
    rows.sort_by(|a, b| {
        natural_key(&a[0])
            .cmp(&natural_key(&b[0]))
            .then(a[4].cmp(&b[4]))
    });
    let header = ["id", "severity", "stages", "title", "file"].map(str::to_string);
    let mut widths = [0usize; 5];
    for r in std::iter::once(&header).chain(&rows) {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut s = String::new();
    for r in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (i, c) in r.iter().enumerate() {
            if i + 1 < r.len() {
                let pad = widths[i] - c.chars().count();
                line.push_str(c);
                line.push_str(&" ".repeat(pad + 2));
            } else {
                line.push_str(c);
            }
        }
        let _ = writeln!(s, "{}", line.trim_end());
    }
    s
}

/// Runs of digits compared as numbers, the rest as text.
fn natural_key(id: &str) -> Vec<(String, u64)> {
    let mut key = Vec::new();
    let mut text = String::new();
    let mut chars = id.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut n = c.to_digit(10).map_or(0, u64::from);
            while let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                n = n.saturating_mul(10).saturating_add(u64::from(d));
                chars.next();
            }
            key.push((std::mem::take(&mut text), n));
        } else {
            text.push(c.to_ascii_uppercase());
        }
    }
    key.push((text, 0));
    key
}

pub fn explain(p: &Policy) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {}",
        style(printable(p.id())).cyan().bold(),
        style(printable(p.title())).bold()
    );
    let _ = writeln!(s, "  severity: {}", p.severity());
    let stages = p
        .metadata
        .custom
        .stages
        .as_ref()
        .map(|v| v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "))
        .unwrap_or_else(|| "all".into());
    let _ = writeln!(s, "  stages:   {}", printable(&stages));
    let _ = writeln!(
        s,
        "  package:  {} ({})",
        printable(&p.package),
        printable(&p.origin)
    );
    if let Some(d) = &p.metadata.description {
        let _ = writeln!(s, "\n{}", printable_text(d.trim()));
    }
    if let Some(r) = &p.metadata.custom.remediation {
        let r = printable_text(r.trim());
        let _ = writeln!(s, "\n{} {r}", style("help:").green());
    }
    s
}

/// `explain` of a secret rule.
pub fn explain_secret(r: &crate::detect::secrets::RuleInfo) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {}",
        style(printable(&r.id)).cyan().bold(),
        style(printable(&r.title)).bold()
    );
    let _ = writeln!(s, "  kind:     secret rule (judged by CH-SECRET-001)");
    let _ = writeln!(s, "  keywords: {}", printable(&r.keywords.join(", ")));
    let _ = writeln!(s, "  file:     {}", printable(&r.origin));
    let _ = writeln!(
        s,
        "\n{} rotate the secret first, then remove it from the change; a false positive can go in \
         .charter/baseline.json (`git charter baseline`), an allowlist (`secrets:` in the charter) or \
         behind a `charter:allow` comment on its line.",
        style("help:").green()
    );
    s
}

/// `explain` of an insecure pattern, with the charter's action for it.
pub fn explain_insecure(
    r: &crate::rules::insecure::InsecureRule,
    action: crate::config::Action,
) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {}",
        style(printable(&r.id)).cyan().bold(),
        style(printable(&r.title)).bold()
    );
    let action = match action {
        crate::config::Action::Off => "off",
        crate::config::Action::Warn => "warn",
        crate::config::Action::Deny => "deny",
    };
    let _ = writeln!(
        s,
        "  kind:     insecure pattern (judged by CH-INSECURE-001), {action} in this charter (insecure.rules)"
    );
    let _ = writeln!(s, "  severity: {}", r.severity);
    if !r.references.is_empty() {
        let _ = writeln!(s, "  see also: {}", printable(&r.references.join(", ")));
    }
    if !r.description.trim().is_empty() {
        let _ = writeln!(s, "\n{}", printable_text(r.description.trim()));
    }
    if !r.remediation.trim().is_empty() {
        let _ = writeln!(
            s,
            "\n{} {}",
            style("help:").green(),
            printable_text(r.remediation.trim())
        );
    }
    s
}

/// `explain` of an AI-tool signature.
pub fn explain_signature(sig: &crate::rules::signatures::SignatureSpec<String>) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {}",
        style(printable(&sig.id)).cyan().bold(),
        style(format!("AI-tool signature: {}", printable(&sig.tool))).bold()
    );
    let strength = sig.strength.as_str();
    let places: Vec<String> = sig
        .applies_to
        .iter()
        .map(|w| {
            serde_json::to_value(w)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        })
        .collect();
    let _ = writeln!(
        s,
        "  kind:     AI evidence (CH-AI-001 requires a disclosure from `disclosure.require_for`)"
    );
    let _ = writeln!(s, "  strength: {strength}");
    let _ = writeln!(s, "  looks in: {}", places.join(", "));
    if !sig.description.trim().is_empty() {
        let _ = writeln!(s, "\n{}", printable_text(sig.description.trim()));
    }
    if let Some(e) = sig.examples.first() {
        let _ = writeln!(s, "\n  e.g. {}", printable(e));
    }
    s
}

/// `explain` of a class of code.
pub fn explain_class(name: &str, description: &str, ai: crate::config::review::AiRule) -> String {
    let ai = match ai {
        crate::config::review::AiRule::Allow => "allow",
        crate::config::review::AiRule::Disclose => "disclose",
        crate::config::review::AiRule::Review => "review",
        crate::config::review::AiRule::Forbid => "forbid",
    };
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {}",
        style(printable(name)).cyan().bold(),
        style("class of code").bold()
    );
    let _ = writeln!(
        s,
        "  ai:       {ai} (what an AI-assisted change to it needs; classes.{name}.ai)"
    );
    if !description.trim().is_empty() {
        let _ = writeln!(s, "\n{}", printable_text(description.trim()));
    }
    let _ = writeln!(
        s,
        "\n{} `git charter charter` shows its globs and signals; docs/charter.md explains them.",
        style("help:").green()
    );
    s
}

pub fn rules(rules: &[crate::detect::secrets::RuleInfo], format: Format) -> String {
    if format == Format::Json {
        return escape::json(serde_json::to_string_pretty(rules).expect("serialises") + "\n");
    }
    let mut s = String::new();
    for r in rules {
        let _ = writeln!(
            s,
            "{:<40} {:<50} {}",
            style(printable(&r.id)).cyan(),
            printable(&r.title),
            printable(&r.keywords.join(", "))
        );
    }
    let _ = writeln!(s, "{} rules", rules.len());
    s
}

/// `rules check`: each problem on a line, then one summary line per rule kind.
pub fn rules_check(outcome: &crate::rules::check::Outcome, format: Format) -> String {
    if format == Format::Json {
        let kinds: Vec<_> = outcome
            .kinds
            .iter()
            .map(|(kind, c)| {
                serde_json::json!({"kind": kind, "rules": c.rules, "examples": c.examples,
                    "negative_examples": c.negatives})
            })
            .collect();
        let doc = serde_json::json!({"version": 1, "kinds": kinds, "problems": outcome.problems});
        return escape::json(serde_json::to_string_pretty(&doc).expect("serialises") + "\n");
    }
    let mut s = String::new();
    for p in &outcome.problems {
        let _ = writeln!(s, "{}", printable(&p.to_string()));
    }
    for (kind, c) in &outcome.kinds {
        let _ = writeln!(
            s,
            "rules check: {kind}: {} rules, {} examples, {} negative examples",
            c.rules, c.examples, c.negatives
        );
    }
    let n = outcome.problems.len();
    let _ = writeln!(
        s,
        "rules check: {n} problem{}",
        if n == 1 { "" } else { "s" }
    );
    s
}

pub fn init(actions: &[InitAction], snippet: &str) -> String {
    let mut s = String::new();
    for a in actions {
        match a {
            InitAction::Wrote(p) => {
                let p = printable(&p.display().to_string()).into_owned();
                let _ = writeln!(s, "{} {p}", style("wrote").green());
            }
            InitAction::Kept(p) => {
                let _ = writeln!(
                    s,
                    "{} {} (exists; not overwritten)",
                    style("kept ").yellow(),
                    printable(&p.display().to_string())
                );
            }
        }
    }
    let _ = writeln!(
        s,
        "\nNext: edit .charter/charter.yaml, run `git charter policy test .charter/policies`, and enable the hooks\n\
         with `git charter install`, or with the pre-commit framework:\n\n{snippet}"
    );
    s
}

/// A value as one line for `explain --why`: compact JSON, long strings and lists cut (the input
/// document holds no secret: every user-controlled string in it is redacted already).
fn shown_value(v: Option<&serde_json::Value>) -> String {
    const MAX: usize = 160;
    let Some(v) = v else {
        return "(absent from this document)".to_string();
    };
    let text = match v {
        serde_json::Value::Array(a) if a.len() > 3 => format!(
            "[{} items] first: {}",
            a.len(),
            serde_json::to_string(&a[0]).unwrap_or_default()
        ),
        other => serde_json::to_string(other).unwrap_or_default(),
    };
    if text.chars().count() > MAX {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}… ({} characters)", text.chars().count())
    } else {
        text
    }
}

/// `explain ID --why`: what the policy produced on this stage's document, the lines its
/// evaluation reached, and the input values and charter settings it reads.
pub fn why(w: &crate::policy::Why, format: Format) -> String {
    let e = &w.explanation;
    if format == Format::Json {
        let doc = serde_json::json!({
            "version": 1,
            "policy": {"id": e.policy.id(), "title": e.policy.title(), "package": e.policy.package, "origin": e.policy.origin},
            "stage": w.stage.as_str(),
            "results": e.results,
            "switched": w.switched,
            "evaluated": e.evaluated.iter().map(|f| serde_json::json!({
                "origin": f.origin,
                "lines": f.lines.iter().map(|(n, _)| n).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "input": w.inputs.iter().map(|(p, v)| serde_json::json!({"path": p, "value": v})).collect::<Vec<_>>(),
            "charter": w.settings.iter().map(|(p, v)| serde_json::json!({"path": p, "value": v})).collect::<Vec<_>>(),
        });
        return escape::json(serde_json::to_string_pretty(&doc).expect("serialises") + "\n");
    }
    let mut s = String::new();
    let p = &e.policy;
    let _ = writeln!(
        s,
        "{} {}  ({}, {} stage)",
        style(printable(p.id())).cyan().bold(),
        style(printable(p.title())).bold(),
        printable(&p.origin),
        w.stage
    );
    if let Some(why) = &w.switched {
        let _ = writeln!(s, "  {} {}", style("note:").yellow(), printable(why));
    }
    let _ = writeln!(s, "\n{}", style("results").bold().underlined());
    if e.results.is_empty() {
        let _ = writeln!(
            s,
            "  none: no `deny` or `warn` rule of it held on this document"
        );
    }
    for v in &e.results {
        let loc = match (&v.path, v.line) {
            (Some(p), Some(l)) => format!("{}:{l}", printable(p)),
            (Some(p), None) => printable(p).into_owned(),
            (None, _) => "(commit)".into(),
        };
        let _ = writeln!(
            s,
            "  {}  {loc}  {}",
            v.level.as_str(),
            printable(&v.message)
        );
    }
    let _ = writeln!(
        s,
        "\n{}",
        style("lines evaluated (regorus coverage of this evaluation)")
            .bold()
            .underlined()
    );
    for f in &e.evaluated {
        let _ = writeln!(s, "  {}", style(printable(&f.origin)).dim());
        for (n, text) in &f.lines {
            let text = text.trim_end().replace('\t', "    ");
            let _ = writeln!(s, "  {n:5}  {}", printable(&text));
        }
    }
    if e.evaluated.is_empty() {
        let _ = writeln!(s, "  none");
    }
    for (title, list) in [
        ("input values it reads", &w.inputs),
        ("charter settings it reads", &w.settings),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n{}", style(title).bold().underlined());
        let width = list.iter().map(|(p, _)| p.len()).max().unwrap_or(0);
        for (path, v) in list {
            let _ = writeln!(
                s,
                "  {:width$}  {}",
                printable(path),
                printable(&shown_value(v.as_ref()))
            );
        }
    }
    s
}
