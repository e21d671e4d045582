//! Output of the policy commands: `policy test`, `policy check`, `policy list`.

use super::Format;
use super::escape::{self, printable, printable_text};
use crate::model::InitAction;
use crate::policy::{CheckProblem, Policy, TestOutcome};
use console::style;
use std::fmt::Write;

pub fn tests(outcomes: &[TestOutcome], format: Format) -> String {
    if format == Format::Json {
        let passed = outcomes.iter().filter(|o| o.passed).count();
        let doc = serde_json::json!({
            "version": 1,
            "tests": outcomes,
            "passed": passed,
            "failed": outcomes.len() - passed,
        });
        return escape::json(serde_json::to_string_pretty(&doc).expect("serialises") + "\n");
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
    let passed = outcomes.iter().filter(|o| o.passed).count();
    let failed = outcomes.len() - passed;
    if outcomes.is_empty() {
        s.push_str("no test_* rules found\n");
    }
    // The plain closing line that test-runner parsers recognise.
    let _ = writeln!(s, "policy tests: {passed} passed, {failed} failed");
    s
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
    let mut s = String::new();
    for p in policies {
        let stages = p
            .metadata
            .custom
            .stages
            .as_ref()
            .map(|v| v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(","))
            .unwrap_or_else(|| "all".into());
        let _ = writeln!(
            s,
            "{:<16} {:<9} {:<40} [{}] {}",
            printable(p.id()),
            p.severity().as_str(),
            printable(p.title()),
            printable(&stages),
            printable(&p.origin)
        );
    }
    s
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
