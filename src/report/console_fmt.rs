//! Human-readable output, grouped by file, styled with the `console` crate.

use super::Report;
use super::escape::printable;
use crate::model::{Level, Violation};
use console::style;
use std::fmt::Write;

pub(super) fn render(report: &Report, quiet: bool) -> String {
    let mut s = String::new();
    // Group by commit (ci / pre-push), then by file; violations without a path come first in a group.
    let mut groups: Vec<(Option<&str>, Option<&str>, Vec<&Violation>)> = Vec::new();
    for v in &report.violations {
        let key = (v.commit.as_deref(), v.path.as_deref());
        match groups.iter_mut().find(|(c, p, _)| (*c, *p) == key) {
            Some(g) => g.2.push(v),
            None => groups.push((key.0, key.1, vec![v])),
        }
    }
    let mut last_commit: Option<&str> = None;
    // Each help text is printed once per run, under the first violation that has it: a pattern
    // found on forty lines says how to fix it once.
    let mut helped: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (commit, path, vs) in &groups {
        if *commit != last_commit {
            if let Some(c) = commit {
                // A short id and the subject, as `git log --oneline` names a commit.
                let short = &c[..c.len().min(12)];
                let line = match report.subjects.get(*c) {
                    Some(subject) => format!("commit {} {}", printable(short), printable(subject)),
                    None => format!("commit {}", printable(short)),
                };
                let _ = writeln!(s, "{}", style(line).yellow());
            }
            last_commit = *commit;
        }
        let header = match path {
            Some(p) => style(printable(p)).bold().underlined().to_string(),
            // Findings about the commit itself: its message, trailers, identities.
            None if commit.is_some() => style("message and metadata")
                .bold()
                .underlined()
                .to_string(),
            None => style("commit").bold().underlined().to_string(),
        };
        let _ = writeln!(s, "{header}");
        for v in vs {
            let loc = v.line.map(|l| format!("{l}")).unwrap_or_default();
            let level = match v.level {
                Level::Deny => style("deny").red().bold(),
                Level::Warn => style("warn").yellow().bold(),
            };
            let history = match v.at_head {
                Some(true) => format!("  {}", style("(still in HEAD)").dim()),
                Some(false) => format!("  {}", style("(gone from HEAD, still in history)").dim()),
                None => String::new(),
            };
            let _ = writeln!(
                s,
                "  {:>5}  {level}  {}  {}{history}",
                style(loc).dim(),
                style(printable(&v.policy_id)).cyan(),
                printable(&v.message)
            );
            if let Some(r) = v.remediation.as_deref().filter(|r| helped.insert(r)) {
                for (i, line) in r.lines().map(printable).enumerate() {
                    let label = if i == 0 { "help:" } else { "     " };
                    let _ = writeln!(s, "         {} {line}", style(label).green());
                }
            }
        }
        s.push('\n');
    }
    waived_listing(report, &mut s);
    if report.show_suppressed {
        suppressed_listing(report, &mut s);
    }
    if !quiet || !report.violations.is_empty() {
        s.push_str(&summary_line(report, true));
        s.push('\n');
    }
    s
}

/// The results waivers covered, always shown: each with its waiver's reason, owner and end.
fn waived_listing(report: &Report, s: &mut String) {
    let waived: Vec<&crate::model::Waived> = report
        .suppressed
        .iter()
        .filter_map(|x| match &x.item {
            super::SuppressedItem::Violation(w) => Some(w),
            _ => None,
        })
        .collect();
    if waived.is_empty() {
        return;
    }
    let _ = writeln!(s, "{}", style("waived").bold().underlined());
    for w in waived {
        let v = &w.violation;
        let loc = match (&v.path, v.line) {
            (Some(p), Some(l)) => format!("{}:{l}", printable(p)),
            (Some(p), None) => printable(p).into_owned(),
            (None, _) => "(commit)".to_string(),
        };
        let _ = writeln!(
            s,
            "  {}  {}  {}  {}",
            style(loc).dim(),
            style("waived").magenta(),
            style(printable(&v.policy_id)).cyan(),
            printable(&v.message)
        );
        let _ = writeln!(
            s,
            "         {} {} (owner {}, until {}; {})",
            style("why:").green(),
            printable(&w.waiver.reason),
            printable(&w.waiver.owner),
            w.waiver.expires,
            printable(&w.waiver.at)
        );
    }
    s.push('\n');
}

/// `--show-suppressed`: one section listing every suppressed finding of every kind (secrets,
/// insecure patterns, class signals), grouped by commit and file, each line with its kind, what
/// suppressed it and why. Previews are the findings' redacted ones: no secret reaches this
/// listing; every user-controlled string is escaped.
fn suppressed_listing(report: &Report, s: &mut String) {
    if report.suppressed.is_empty() {
        let _ = writeln!(s, "{}\n", style("suppressed: nothing").dim());
        return;
    }
    let _ = writeln!(s, "{}", style("suppressed").bold().underlined());
    let mut list: Vec<&super::Suppressed> = report.suppressed.iter().collect();
    list.sort_by(|a, b| {
        (
            a.commit.as_deref(),
            a.path(),
            a.line(),
            a.column(),
            a.kind(),
        )
            .cmp(&(
                b.commit.as_deref(),
                b.path(),
                b.line(),
                b.column(),
                b.kind(),
            ))
    });
    let mut last: Option<(Option<&str>, &str)> = None;
    for x in list {
        let key = (x.commit.as_deref(), x.path());
        if last != Some(key) {
            let commit = x
                .commit
                .as_deref()
                .map(|c| format!("{} ", &c[..c.len().min(12)]))
                .unwrap_or_default();
            let _ = writeln!(s, "  {}{}", style(commit).yellow(), printable(x.path()));
            last = Some(key);
        }
        let _ = writeln!(
            s,
            "  {:>5}  {}  {}  {}  {}  {}: {}",
            style(x.line()).dim(),
            style(x.kind()).blue(),
            style(x.by).magenta(),
            style(printable(&x.id())).cyan(),
            printable(x.preview()),
            style("why").green(),
            printable(&x.reason)
        );
    }
    s.push('\n');
}

fn human_bytes(b: u64) -> String {
    if b < 1024 {
        format!("{b} B")
    } else if b < 1024 * 1024 {
        format!("{:.1} KiB", b as f64 / 1024.0)
    } else {
        format!("{:.1} MiB", b as f64 / (1024.0 * 1024.0))
    }
}

/// One line saying what was judged and the verdict, so "scanned nothing" is never silent.
pub(super) fn summary_line(report: &Report, styled: bool) -> String {
    let st = &report.stats;
    let mut what = Vec::new();
    if report.commits > 0 {
        what.push(format!(
            "{} commit{}",
            report.commits,
            if report.commits == 1 { "" } else { "s" }
        ));
    }
    if let Some(n) = &report.nothing {
        what.push(printable(n).into_owned());
    } else {
        what.push(format!(
            "{} file{}, {} scanned ({})",
            st.files,
            if st.files == 1 { "" } else { "s" },
            st.scanned_files,
            human_bytes(st.scanned_bytes)
        ));
    }
    let mut skipped = Vec::new();
    if st.skipped_binary > 0 {
        skipped.push(format!("{} binary", st.skipped_binary));
    }
    if st.skipped_large > 0 {
        skipped.push(format!("{} too large", st.skipped_large));
    }
    if st.skipped_other > 0 {
        skipped.push(format!("{} other", st.skipped_other));
    }
    if !skipped.is_empty() {
        what.push(format!("skipped {}", skipped.join(", ")));
    }
    if report.baselined > 0 {
        what.push(format!(
            "{} baselined finding{} hidden",
            report.baselined,
            if report.baselined == 1 { "" } else { "s" }
        ));
    }
    let n = report
        .suppressed
        .iter()
        .filter(|x| x.is_inline() && x.is_finding())
        .count();
    if n > 0 {
        what.push(format!(
            "{n} finding{} suppressed inline",
            if n == 1 { "" } else { "s" }
        ));
    }
    let waived = report
        .suppressed
        .iter()
        .filter(|x| x.by == "waiver")
        .count();
    if waived > 0 {
        what.push(format!(
            "{waived} result{} waived",
            if waived == 1 { "" } else { "s" }
        ));
    }
    let signals = report.suppressed.iter().filter(|x| !x.is_finding()).count();
    if report.show_suppressed && signals > 0 {
        what.push(format!(
            "{signals} class signal{} silenced inline",
            if signals == 1 { "" } else { "s" }
        ));
    }
    let other = report.suppressed.len() - n - signals - waived;
    if report.show_suppressed && other > 0 {
        what.push(format!(
            "{other} candidate{} removed by filters, allowlists or the baseline",
            if other == 1 { "" } else { "s" }
        ));
    }
    let denies = report.count(Level::Deny);
    let warns = report.count(Level::Warn);
    let verdict = if denies > 0 {
        let t = format!(
            "denied: {denies} violation{}",
            if denies == 1 { "" } else { "s" }
        );
        if styled {
            style(t).red().bold().to_string()
        } else {
            t
        }
    } else {
        let t = "passed".to_string();
        if styled {
            style(t).green().bold().to_string()
        } else {
            t
        }
    };
    let warn = if warns > 0 {
        format!(", {warns} warning{}", if warns == 1 { "" } else { "s" })
    } else {
        String::new()
    };
    format!(
        "git-charter {}: {}{warn} · {}",
        report.stage,
        verdict,
        what.join(" · ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Severity, Stage};
    use crate::report::Totals;

    fn v(path: &str, line: u64, help: &str) -> Violation {
        Violation {
            policy_id: "CH-INSECURE-001".into(),
            package: "gitcharter.insecure.patterns".into(),
            title: "Insecure pattern in added lines".into(),
            level: Level::Warn,
            severity: Severity::High,
            path: Some(path.into()),
            line: Some(line),
            message: "TLS certificate verification turned off (tls-verify-disabled)".into(),
            remediation: Some(help.into()),
            commit: None,
            at_head: None,
            fingerprint: None,
        }
    }

    /// One pattern on many lines printed its long help line under every one of them.
    #[test]
    fn help_is_printed_once_per_run_not_once_per_line() {
        let totals = Totals {
            subjects: Vec::new(),
            violations: vec![
                v("a.py", 1, "Keep verification on."),
                v("a.py", 9, "Keep verification on."),
                v("b.py", 3, "Keep verification on."),
                v("b.py", 4, "Use safe_load."),
            ],
            ..Totals::default()
        };
        let report = crate::report::Report::new(Stage::Scan, totals, None, Vec::new());
        console::set_colors_enabled(false);
        let out = render(&report, false);
        assert_eq!(out.matches("Keep verification on.").count(), 1, "{out}");
        assert_eq!(out.matches("Use safe_load.").count(), 1, "{out}");
        assert_eq!(out.matches("tls-verify-disabled").count(), 4, "{out}");
    }
}
