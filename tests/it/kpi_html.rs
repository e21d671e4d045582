//! The KPI report's HTML page (`report::kpi_html::html`) rendered in real headless Chromium: the
//! scripts run without error, all three charts are drawn, hostile strings stay text.

use crate::common;
use git_charter::report::kpi_html::html;
use serde_json::{Value, json};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BROWSERS: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];
const TIMEOUT: Duration = Duration::from_secs(60);

fn browser() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    BROWSERS.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// The DOM of the page at `path` after its scripts ran, as headless Chromium serializes it
/// (`--dump-dom`). `None` when no Chromium is on PATH, after `common::missing_prerequisite` (which
/// fails under CI). Panics if the browser fails or takes more than 60 s.
pub fn render(path: &Path) -> Option<String> {
    let Some(chromium) = browser() else {
        common::missing_prerequisite(
            "kpi_html",
            "no chromium, chromium-browser or google-chrome on PATH",
            "install Chromium (apt-get install chromium)",
        );
        return None;
    };
    let profile = tempfile::tempdir().expect("tempdir");
    let path = std::path::absolute(path).expect("absolute path");
    let mut child = Command::new(&chromium)
        .arg("--headless")
        .arg("--no-sandbox")
        .arg("--disable-gpu")
        .arg("--disable-dev-shm-usage")
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--virtual-time-budget=10000")
        .arg("--dump-dom")
        .arg(format!("file://{}", path.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{} does not start: {e}", chromium.display()));
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("stdout")));
    let stderr = drain(Box::new(child.stderr.take().expect("stderr")));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{} took more than {TIMEOUT:?}: {}",
                chromium.display(),
                stderr.join().unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let dom = stdout.join().expect("stdout reader");
    let err = stderr.join().expect("stderr reader");
    assert!(
        status.success() && dom.contains("</html>"),
        "{} failed ({status}): {err}",
        chromium.display()
    );
    Some(dom)
}

/// `html(report)` written to a temporary file and rendered.
fn page(report: &Value) -> Option<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("report.html");
    std::fs::write(&file, html(report)).expect("write the page");
    render(&file)
}

/// The serialized `<figure id="ID">…</figure>`.
fn figure<'a>(dom: &'a str, id: &str) -> &'a str {
    let open = format!("<figure id=\"{id}\"");
    let start = dom.find(&open).unwrap_or_else(|| panic!("no figure {id}"));
    let len = dom[start..].find("</figure>").expect("figure closes");
    &dom[start..start + len]
}

/// The opening `<html …>` tag, where the page's markers are.
fn root_tag(dom: &str) -> &str {
    let start = dom.find("<html").expect("<html>");
    let len = dom[start..].find('>').expect("<html> closes");
    &dom[start..=start + len]
}

/// The script ran to its end (all three charts drawn) and reported no error.
fn assert_drawn_without_errors(dom: &str) {
    let root = root_tag(dom);
    let errors = dom
        .split("<pre id=\"script-errors\"")
        .nth(1)
        .and_then(|s| s.split("</pre>").next())
        .unwrap_or("");
    assert!(
        !root.contains("data-script-errors"),
        "script errors: {root} {errors}"
    );
    assert!(
        root.contains("data-charts=\"3\""),
        "charts not drawn: {root}"
    );
}

/// Heat-map cells: `<rect class="cell…">` elements whose first child is a `<title>`.
fn cells_with_title(fig: &str) -> usize {
    fig.split("<rect")
        .skip(1)
        .filter(|r| r.starts_with(" class=\"cell"))
        .filter(|r| {
            r.split_once('>')
                .is_some_and(|(_, rest)| rest.starts_with("<title>"))
        })
        .count()
}

fn counters(commits: u64, ai: u64, added: u64, ai_added: u64) -> Value {
    json!({
        "commits": commits, "added_lines": added, "ai_commits": ai, "ai_added_lines": ai_added,
        "ai_by_strength": {"strong": ai / 2, "medium": ai - ai / 2},
        "ai_by_tool": {"claude": ai},
        "disclosure_required": ai, "disclosed": ai / 2,
        "protected_ai_commits": ai / 3, "protected_reviewed": ai / 4,
        "denied_commits": ai / 5, "warned_commits": 1, "violations": {"CH-AI-001": ai / 5},
        "secrets_introduced": 0, "secrets_removed": 0, "remediation_days_sum": 0.0,
        "remediation_commits_sum": 0,
        "review_latency_count": ai / 4, "review_latency_hours_sum": 5.5 * (ai / 4) as f64,
        "bulk_commits": 0, "unjudged_commits": 0
    })
}

fn realistic() -> Value {
    let tiers = ["experimental", "trusted", "critical"];
    let dirs = ["src", "docs", "infra", "(root)"];
    let months: Vec<Value> = (0..6u64)
        .map(|i| {
            // Month 2 has no AI commit: its disclosure and review shares are unknown (a gap).
            let ai = if i == 2 { 0 } else { 2 + i };
            let by_tier: serde_json::Map<String, Value> = tiers
                .iter()
                .enumerate()
                .map(|(k, t)| (t.to_string(), counters(3 + i + k as u64, ai.min(2), 40, 10)))
                .collect();
            let by_dir: serde_json::Map<String, Value> = dirs
                .iter()
                .enumerate()
                .map(|(k, d)| {
                    let added = 20 + 10 * k as u64 + i;
                    (d.to_string(), counters(2 + k as u64, ai.min(1), added, added * i / 6))
                })
                .collect();
            json!({
                "month": format!("2026-{:02}", i + 5),
                "totals": counters(12 + i, ai, 200 + 10 * i, 50 * ai),
                "by_tier": by_tier, "by_class": {"auth": counters(2, ai.min(1), 30, 5)},
                "by_dir": by_dir, "by_author": {"Ada <ada@example.com>": counters(12 + i, ai, 200, 40)}
            })
        })
        .collect();
    let mut totals = counters(87, 20, 1350, 1000);
    totals["secrets_introduced"] = json!(2);
    totals["secrets_removed"] = json!(1);
    totals["remediation_days_sum"] = json!(2.9);
    totals["remediation_commits_sum"] = json!(3);
    json!({
        "schema_version": 1,
        "tool": "git-charter 0.1.0",
        "generated_on": "2026-12-07",
        "repositories": [{"name": "web", "range": "a1b2..c3d4", "head": "c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2",
            "commits": 87, "first_day": "2026-05-02", "last_day": "2026-10-30"}],
        "totals": totals,
        "by_tier": {"experimental": counters(30, 8, 400, 300), "trusted": counters(35, 8, 500, 400),
            "critical": counters(40, 4, 450, 300)},
        "by_class": {"auth": counters(12, 5, 180, 30), "crypto": counters(3, 0, 20, 0)},
        "by_dir": {"src": counters(40, 10, 900, 700), "docs": counters(20, 5, 200, 100),
            "infra": counters(15, 3, 150, 100), "(root)": counters(12, 2, 100, 100)},
        "by_author": {"Ada <ada@example.com>": counters(60, 20, 1000, 1000), "Bob <bob@example.com>": counters(27, 0, 350, 0)},
        "months": months,
        "secrets": [
            {"rule_id": "aws-access-key-id", "path": "src/x.py", "commit": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
             "introduced_on": "2026-06-01", "removed_in": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
             "removed_on": "2026-06-04", "commits_to_remove": 3, "days_to_remove": 2.9},
            {"rule_id": "github-pat", "path": "infra/deploy.sh", "commit": "cccccccccccccccccccccccccccccccccccccccc",
             "introduced_on": "2026-09-10", "removed_in": null, "removed_on": null,
             "commits_to_remove": null, "days_to_remove": null}
        ],
        "notes": ["review latency is measured from commit to merge"]
    })
}

#[test]
fn kpi_html_draws_three_charts_from_a_realistic_report() {
    let Some(dom) = page(&realistic()) else {
        return;
    };
    assert_drawn_without_errors(&dom);

    let trend = figure(&dom, "trend");
    assert!(
        trend.contains("<path") || trend.contains("<polyline"),
        "{trend}"
    );
    // Month 3 of 6 has nothing to disclose: the disclosure line breaks there instead of dropping to 0.
    let disclosure = trend
        .split("data-series=\"disclosure\"")
        .nth(1)
        .and_then(|s| s.split_once(" d=\""))
        .map(|(_, d)| d.split('"').next().unwrap_or(""))
        .expect("disclosure line");
    assert_eq!(
        disclosure.matches('M').count(),
        2,
        "a gap, not a zero: {disclosure}"
    );
    assert!(!trend.contains("no data"));

    let tiers = figure(&dom, "tiers");
    assert!(tiers.matches("<rect").count() >= 6, "{tiers}");
    for t in ["experimental", "trusted", "critical"] {
        assert!(tiers.contains(t), "legend lacks {t}");
    }

    let heat = figure(&dom, "heatmap");
    assert_eq!(cells_with_title(heat), 4 * 6, "{heat}");
    assert!(heat.contains("added lines by AI"));

    // Summary and tables: a share with its numbers, the unremoved secret, the note.
    assert!(dom.contains("23.0 %"), "AI share of commits 20 of 87");
    assert!(dom.contains("still present"));
    assert!(dom.contains("review latency is measured from commit to merge"));
    assert!(dom.contains("Bob &lt;bob@example.com&gt;"));
}

#[test]
fn kpi_html_shows_hostile_strings_as_text() {
    let img = "<img src=x onerror=alert(1)>";
    let script = "</script><script>alert(1)</script>";
    let tool = "\"&'<";
    let mut report = realistic();
    report["by_dir"][img] = counters(50, 10, 5000, 100);
    report["months"][0]["by_dir"][img] = counters(5, 1, 50, 10);
    report["by_author"][script] = counters(80, 10, 400, 100);
    report["totals"]["ai_by_tool"][tool] = json!(7);
    report["by_tier"][img] = counters(1, 0, 1, 0);
    report["months"][1]["by_tier"][script] = counters(2, 0, 1, 0);
    report["repositories"][0]["name"] = json!(script);
    report["secrets"][0]["path"] = json!(img);
    report["notes"] = json!([img, script, tool, "line\u{2028}separator"]);
    report["generated_on"] = json!(tool);

    let Some(dom) = page(&report) else { return };
    assert_drawn_without_errors(&dom);
    assert!(
        !dom.to_ascii_lowercase().contains("<img"),
        "an <img> element exists"
    );
    // The boot script, the data and the main script; nothing injected.
    assert_eq!(dom.matches("<script").count(), 3);
    assert!(dom.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(dom.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(dom.contains("\"&amp;'&lt;"));
    assert!(cells_with_title(figure(&dom, "heatmap")) >= 4);
    assert!(figure(&dom, "heatmap").contains("&lt;img src=x"));
    assert!(figure(&dom, "tiers").matches("<rect").count() >= 6);
}

#[test]
fn kpi_html_draws_empty_charts_for_an_empty_repository() {
    let zero = counters(0, 0, 0, 0);
    let report = json!({
        "schema_version": 1, "tool": "git-charter 0.1.0", "generated_on": "2026-12-07",
        "repositories": [{"name": "empty", "range": null, "head": null, "commits": 0, "first_day": null, "last_day": null}],
        "totals": zero, "by_tier": {}, "by_class": {}, "by_dir": {}, "by_author": {},
        "months": [], "secrets": [], "notes": []
    });
    let Some(dom) = page(&report) else { return };
    assert_drawn_without_errors(&dom);
    for id in ["trend", "tiers", "heatmap"] {
        let fig = figure(&dom, id);
        assert!(
            fig.contains("<svg") && fig.contains("no data"),
            "{id}: {fig}"
        );
    }
    // Nothing to divide by: unknown, never 0 % or 100 %.
    assert!(dom.contains("unknown"));
    assert!(!dom.contains("0.0 %") && !dom.contains("100.0 %"));
}

#[test]
fn kpi_html_survives_a_report_that_is_not_an_object() {
    for report in [
        json!([1, 2]),
        json!({"months": [{"month": 7, "totals": "x"}, null], "totals": [], "by_dir": {"a": 1}}),
    ] {
        let Some(dom) = page(&report) else { return };
        assert_drawn_without_errors(&dom);
        assert_eq!(dom.contains("is not a JSON object"), !report.is_object());
    }
}
