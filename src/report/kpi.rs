//! `git charter report` as text: a console table, CSV (one row per month and split, every sum of
//! docs/report.md), Markdown (a README's "AI assistance in this project" section) and JSON. The HTML
//! page is `kpi_html`. Every string from the repository is escaped for where it goes.

use super::escape;
use crate::kpi::{Counters, Report};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Rows shown per split in the console and Markdown (the most commits first); CSV and JSON have all.
const TOP: usize = 15;

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), |x| format!("{:.0}%", x * 100.0))
}

fn num(v: Option<f64>, unit: &str) -> String {
    v.map_or_else(|| "—".to_string(), |x| format!("{x:.1}{unit}"))
}

fn repositories(r: &Report) -> String {
    r.repositories
        .iter()
        .map(|x| {
            let span = match (&x.first_day, &x.last_day) {
                (Some(a), Some(b)) => format!(", {a} to {b}"),
                _ => String::new(),
            };
            format!("{} ({} commits{span})", x.name, x.commits)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

const HEADER: [&str; 10] = [
    "commits",
    "AI commits",
    "AI lines",
    "disclosed",
    "reviewed",
    "denied",
    "secrets",
    "MTTR",
    "latency",
    "bulk",
];

fn cells(c: &Counters) -> [String; 10] {
    [
        c.commits.to_string(),
        pct(c.ai_commit_share()),
        pct(c.ai_line_share()),
        pct(c.disclosure_share()),
        pct(c.review_share()),
        c.denied_commits.to_string(),
        format!("{}/{}", c.secrets_introduced, c.secrets_removed),
        num(c.mttr_days(), "d"),
        num(c.review_latency_hours(), "h"),
        c.bulk_commits.to_string(),
    ]
}

/// The `TOP` entries with the most commits, then by name.
fn top(map: &BTreeMap<String, Counters>) -> Vec<(&String, &Counters)> {
    let mut v: Vec<_> = map.iter().collect();
    v.sort_by(|a, b| b.1.commits.cmp(&a.1.commits).then(a.0.cmp(b.0)));
    v.truncate(TOP);
    v
}

fn table(out: &mut String, title: &str, rows: &[(String, [String; 10])]) {
    let first = rows
        .iter()
        .map(|r| r.0.chars().count())
        .max()
        .unwrap_or(0)
        .max(title.len());
    let widths: Vec<usize> = (0..10)
        .map(|i| {
            rows.iter()
                .map(|r| r.1[i].chars().count())
                .max()
                .unwrap_or(0)
                .max(HEADER[i].len())
        })
        .collect();
    let _ = write!(out, "{title:<first$}");
    for (h, w) in HEADER.iter().zip(&widths) {
        let _ = write!(out, "  {h:>w$}");
    }
    out.push('\n');
    for (name, c) in rows {
        let pad = first.saturating_sub(name.chars().count());
        let _ = write!(out, "{name}{}", " ".repeat(pad));
        for (v, w) in c.iter().zip(&widths) {
            let _ = write!(out, "  {v:>w$}");
        }
        out.push('\n');
    }
    out.push('\n');
}

/// The console table: per month, then by tier, class, directory and author, then totals and notes.
pub fn console(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "AI assistance and charter compliance: {}\n",
        escape::printable(&repositories(r))
    );
    let months: Vec<(String, [String; 10])> = r
        .months
        .iter()
        .map(|m| {
            (
                escape::printable(&m.month).into_owned(),
                cells(&m.split.totals),
            )
        })
        .chain(std::iter::once(("all".to_string(), cells(&r.split.totals))))
        .collect();
    table(&mut out, "month", &months);
    for (title, map) in [
        ("tier", &r.split.by_tier),
        ("class", &r.split.by_class),
        ("directory", &r.split.by_dir),
        ("author", &r.split.by_author),
    ] {
        if map.is_empty() {
            continue;
        }
        let rows: Vec<(String, [String; 10])> = top(map)
            .into_iter()
            .map(|(k, c)| (escape::printable(k).into_owned(), cells(c)))
            .collect();
        table(&mut out, title, &rows);
    }
    let t = &r.split.totals;
    if !t.ai_by_tool.is_empty() {
        let tools: Vec<String> = t
            .ai_by_tool
            .iter()
            .map(|(k, v)| format!("{} {v}", escape::printable(k)))
            .collect();
        let _ = writeln!(out, "AI-assisted commits by tool: {}", tools.join(", "));
    }
    if !t.violations.is_empty() {
        let mut v: Vec<_> = t.violations.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let list: Vec<String> = v
            .iter()
            .map(|(k, n)| format!("{} {n}", escape::printable(k)))
            .collect();
        let _ = writeln!(out, "Commits with results, by policy: {}", list.join(", "));
    }
    let open = r.secrets.iter().filter(|s| s.removed_in.is_none()).count();
    if !r.secrets.is_empty() {
        let _ = writeln!(
            out,
            "Secrets: {} introduced, {} removed later, {open} still in the last commit judged or never removable (in a message); rotate every one: history keeps them.",
            r.secrets.len(),
            r.secrets.len() - open
        );
    }
    out.push_str(
        "\nAI commits/lines: share of commits (added lines) with medium or strong AI evidence or a disclosure; \
         disclosed: of the commits whose evidence the charter required to disclose; reviewed: of the AI-assisted \
         commits under a class or tier review requirement; denied: commits the charter of their time denies; \
         secrets: introduced/removed; MTTR: mean days to removal; latency: mean hours to review or merge. \
         — is unknown (nothing to divide by). Definitions: docs/report.md.\n",
    );
    for n in &r.notes {
        let _ = writeln!(out, "note: {}", escape::printable(n));
    }
    out
}

/// The JSON document (docs/report.md), safe for a terminal.
pub fn json(r: &Report) -> String {
    let mut s = serde_json::to_string_pretty(r).expect("a report serialises");
    s.push('\n');
    escape::json(s)
}

/// One CSV field: quoted when needed (RFC 4180), and a leading `=`, `+`, `-`, `@`, tab or CR
/// prefixed with `'` so that a spreadsheet does not run a path or a name as a formula.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

const CSV_COLUMNS: &str = "repository,month,split,key,commits,added_lines,ai_commits,ai_added_lines,\
ai_strong,ai_medium,ai_weak,disclosure_required,disclosed,protected_ai_commits,protected_reviewed,\
denied_commits,warned_commits,secrets_introduced,secrets_removed,remediation_days_sum,\
remediation_commits_sum,review_latency_count,review_latency_hours_sum,bulk_commits,unjudged_commits";

fn csv_row(out: &mut String, repo: &str, month: &str, split: &str, key: &str, c: &Counters) {
    let s = |k: &str| c.ai_by_strength.get(k).copied().unwrap_or(0);
    let _ = writeln!(
        out,
        "{},{},{split},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
        csv_field(repo),
        csv_field(month),
        csv_field(key),
        c.commits,
        c.added_lines,
        c.ai_commits,
        c.ai_added_lines,
        s("strong"),
        s("medium"),
        s("weak"),
        c.disclosure_required,
        c.disclosed,
        c.protected_ai_commits,
        c.protected_reviewed,
        c.denied_commits,
        c.warned_commits,
        c.secrets_introduced,
        c.secrets_removed,
        c.remediation_days_sum,
        c.remediation_commits_sum,
        c.review_latency_count,
        c.review_latency_hours_sum,
        c.bulk_commits,
        c.unjudged_commits,
    );
}

/// CSV: one row per (month or `all`) × (total, or a tier, class, directory or author), every
/// sum as a column; shares are left to the spreadsheet (docs/report.md says how).
pub fn csv(r: &Report) -> String {
    let mut out = String::from(CSV_COLUMNS);
    out.push('\n');
    let repo = r
        .repositories
        .iter()
        .map(|x| x.name.as_str())
        .collect::<Vec<_>>()
        .join("+");
    let splits = |out: &mut String, month: &str, s: &crate::kpi::Split| {
        csv_row(out, &repo, month, "total", "", &s.totals);
        for (name, map) in [
            ("tier", &s.by_tier),
            ("class", &s.by_class),
            ("dir", &s.by_dir),
            ("author", &s.by_author),
        ] {
            for (k, c) in map {
                csv_row(out, &repo, month, name, k, c);
            }
        }
    };
    for m in &r.months {
        splits(&mut out, &m.month, &m.split);
    }
    splits(&mut out, "all", &r.split);
    out
}

/// Text for a Markdown table cell: no markup from the repository survives.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in escape::printable(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '&' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Markdown for a README: "AI assistance in this project", overall and by directory.
pub fn markdown(r: &Report) -> String {
    let t = &r.split.totals;
    let mut out = String::from("## AI assistance in this project\n\n");
    let span = match (
        r.repositories
            .iter()
            .filter_map(|x| x.first_day.as_deref())
            .min(),
        r.repositories
            .iter()
            .filter_map(|x| x.last_day.as_deref())
            .max(),
    ) {
        (Some(a), Some(b)) => format!(" from {a} to {b}"),
        _ => String::new(),
    };
    let _ = writeln!(
        out,
        "Of {} commits{span}, {} ({}) carry evidence of AI assistance (medium or strong evidence in their \
         trailers, identities or messages, or a disclosure), adding {} of {} lines ({}). Of the commits the \
         charter required to disclose AI assistance, {} did. Of the AI-assisted commits to code under a review \
         requirement, {} carried the reviews required.\n",
        t.commits,
        t.ai_commits,
        pct(t.ai_commit_share()),
        t.ai_added_lines,
        t.added_lines,
        pct(t.ai_line_share()),
        pct(t.disclosure_share()),
        pct(t.review_share()),
    );
    out.push_str("| Directory | Commits | AI-assisted commits | AI share of added lines | Disclosed | Reviewed |\n");
    out.push_str("|---|---:|---:|---:|---:|---:|\n");
    for (k, c) in top(&r.split.by_dir) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            md(k),
            c.commits,
            c.ai_commits,
            pct(c.ai_line_share()),
            pct(c.disclosure_share()),
            pct(c.review_share()),
        );
    }
    if !t.ai_by_tool.is_empty() {
        let tools: Vec<String> = t
            .ai_by_tool
            .iter()
            .map(|(k, v)| format!("{} ({v})", md(k)))
            .collect();
        let _ = writeln!(out, "\nTools named: {}.", tools.join(", "));
    }
    let _ = writeln!(
        out,
        "\n— means unknown. Generated by `git charter report --format markdown` ({}); definitions in git-charter's docs/report.md.",
        md(&r.tool)
    );
    out
}

/// `blame --format json`.
pub fn blame_json(b: &crate::kpi::Blame) -> String {
    let mut s = serde_json::to_string_pretty(b).expect("a blame serialises");
    s.push('\n');
    escape::json(s)
}

/// `blame`: per line, the commit (short id, date), what it says of AI assistance (`AI claude`,
/// `-`), whether it was disclosed (`disclosed`, `UNDISCLOSED`, blank when not required) and
/// reviewed (`reviewed`, `UNREVIEWED` where a review requirement applied and was not met, else
/// the number of reviewers), then the line.
pub fn blame_console(b: &crate::kpi::Blame) -> String {
    let mut out = String::new();
    let label = |id: &str| -> [String; 4] {
        let Some(c) = b.commits.get(id) else {
            return [String::new(), String::new(), String::new(), String::new()];
        };
        let ai = if c.unjudged {
            "not judged".to_string()
        } else if c.ai_assisted {
            match c.tools.first() {
                Some(t) => format!("AI {}", escape::printable(t)),
                None => "AI".to_string(),
            }
        } else {
            "-".to_string()
        };
        let disclosed = match (c.disclosure_required, c.disclosed) {
            (true, true) => "disclosed",
            (true, false) => "UNDISCLOSED",
            (false, true) => "disclosed",
            (false, false) => "",
        };
        let mut reviewed = match c.reviews_met {
            Some(true) => "reviewed".to_string(),
            Some(false) => "UNREVIEWED".to_string(),
            None if c.reviewers > 0 => format!("{} reviewer(s)", c.reviewers),
            None => String::new(),
        };
        for (on, what) in [
            (c.approvals > 0, format!("{} approval(s)", c.approvals)),
            (c.signed, "signed".to_string()),
        ] {
            if on {
                if !reviewed.is_empty() {
                    reviewed.push_str(", ");
                }
                reviewed.push_str(&what);
            }
        }
        [c.date.clone(), ai, disclosed.to_string(), reviewed]
    };
    let rows: Vec<(String, [String; 4], String)> = b
        .lines
        .iter()
        .map(|l| {
            let short = l.commit.get(..12).unwrap_or(&l.commit).to_string();
            let text = l.text.as_deref().map(escape::printable).unwrap_or_default();
            (short, label(&l.commit), format!("{:>5} {text}", l.line))
        })
        .collect();
    let w: Vec<usize> = (0..4)
        .map(|i| {
            rows.iter()
                .map(|r| r.1[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for (short, cols, text) in rows {
        let _ = write!(out, "{short}");
        for (c, w) in cols.iter().zip(&w) {
            let pad = w.saturating_sub(c.chars().count());
            let _ = write!(out, " {c}{}", " ".repeat(pad));
        }
        let _ = writeln!(out, " {text}");
    }
    let ai = b.commits.values().filter(|c| c.ai_assisted).count();
    let lines = b
        .lines
        .iter()
        .filter(|l| b.commits.get(&l.commit).is_some_and(|c| c.ai_assisted))
        .count();
    let _ = writeln!(
        out,
        "{}: {} lines from {} commits; {lines} lines from {ai} AI-assisted commits (evidence per commit: trailers, identities, messages)",
        escape::printable(&b.path),
        b.lines.len(),
        b.commits.len()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        assert_eq!(csv_field("src"), "src");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_field("-2+3"), "'-2+3");
    }

    #[test]
    fn markdown_cells_carry_no_markup() {
        assert_eq!(md("a|b"), "a\\|b");
        assert_eq!(md("<img src=x>"), "\\<img src=x\\>");
        assert_eq!(md("[x](javascript:1)"), "\\[x\\](javascript:1)");
    }
}
