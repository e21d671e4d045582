//! `git charter report` and `git charter blame` over real repositories with dated commits: AI
//! evidence, disclosure, reviews, secrets introduced and removed, the charter of each commit's time,
//! commits too large to judge, every format, merging reports, and no secret in any output.

use crate::common::*;
use serde_json::Value;
use std::process::Command;

const DAY: i64 = 86_400;
/// 2026-01-05 09:00 UTC.
const T0: i64 = 1_767_603_600;

/// Commits what is staged, authored and committed at `when` (seconds since the epoch) by `author`.
fn commit_at(r: &Repo, msg: &str, when: i64, author: (&str, &str)) {
    let date = format!("@{when} +0000");
    let out = Command::new("git")
        .args(["commit", "-q", "--no-verify", "-m", msg])
        .current_dir(r.path())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_DATE", &date)
        .env("GIT_COMMITTER_DATE", &date)
        .env("GIT_AUTHOR_NAME", author.0)
        .env("GIT_AUTHOR_EMAIL", author.1)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

const DANA: (&str, &str) = ("Dana Roe", "dana@example.org");
const SAM: (&str, &str) = ("Sam Poe", "sam@example.org");

fn aws_secret() -> String {
    format!("wJalrXUtnF3MI/K7MDENG{}", "bPxRfiCYz8Q1kA7vB2d")
}

/// Five commits over two months: a plain one, an undisclosed AI change to auth code, a disclosed
/// and reviewed one, a committed AWS key and its removal two days later.
fn history() -> Repo {
    let r = Repo::new();
    r.add("src/app.py", "def main():\n    return 1\n");
    commit_at(&r, "Add app", T0, DANA);
    r.add(
        "src/auth/login.py",
        "import bcrypt\n\ndef check(pw, hashed):\n    return bcrypt.checkpw(pw, hashed)\n",
    );
    commit_at(
        &r,
        "Add login check\n\nCo-Authored-By: Claude <noreply@anthropic.com>",
        T0 + DAY,
        DANA,
    );
    r.add(
        "src/auth/login.py",
        "import bcrypt\n\ndef check(pw, hashed):\n    return bcrypt.checkpw(pw, hashed)\n\ndef hash(pw):\n    return bcrypt.hashpw(pw, bcrypt.gensalt())\n",
    );
    commit_at(
        &r,
        "Hash passwords\n\nAssisted-by: claude-code:claude-opus-4\nCo-Authored-By: Claude <noreply@anthropic.com>\nSecurity-Reviewed-by: Sam Poe <sam@example.org>",
        T0 + 2 * DAY,
        DANA,
    );
    let config = format!(
        "AWS_ACCESS_KEY_ID = \"{}\"\nAWS_SECRET_ACCESS_KEY = \"{}\"\n",
        aws_key_id(),
        aws_secret()
    );
    r.add("config/settings.py", config);
    commit_at(&r, "Configure storage", T0 + 40 * DAY, SAM);
    r.add(
        "config/settings.py",
        "import os\nAWS_ACCESS_KEY_ID = os.environ[\"AWS_ACCESS_KEY_ID\"]\n",
    );
    commit_at(&r, "Read the key from the environment", T0 + 42 * DAY, SAM);
    r
}

fn json_report(r: &Repo, extra: &[&str]) -> Value {
    let mut args = vec!["report", "--format", "json"];
    args.extend_from_slice(extra);
    let run = r.charter(&args);
    assert_eq!(run.code, 0, "report failed: {}", run.all());
    serde_json::from_str(&run.stdout).expect("the report is JSON")
}

fn n(v: &Value, path: &[&str]) -> u64 {
    let mut v = v;
    for k in path {
        v = &v[*k];
    }
    v.as_u64()
        .unwrap_or_else(|| panic!("{path:?} is not a number: {v}"))
}

#[test]
fn report_counts_ai_disclosure_reviews_and_secrets_by_month_and_split() {
    let r = history();
    let j = json_report(&r, &[]);
    assert_eq!(j["schema_version"], 1);
    let t = &j["totals"];
    assert_eq!(n(t, &["commits"]), 5);
    assert_eq!(n(t, &["ai_commits"]), 2, "{t}");
    assert_eq!(n(t, &["ai_by_tool", "Claude Code"]), 2, "{t}");
    assert_eq!(n(t, &["ai_by_strength", "strong"]), 2, "{t}");
    assert_eq!(n(t, &["disclosure_required"]), 2, "{t}");
    assert_eq!(n(t, &["disclosed"]), 1, "{t}");
    // Both AI changes touch auth code, which needs a review when AI-assisted; only the second has one.
    assert_eq!(n(t, &["protected_ai_commits"]), 2, "{t}");
    assert_eq!(n(t, &["protected_reviewed"]), 1, "{t}");
    assert_eq!(n(t, &["violations", "CH-AI-001"]), 1, "{t}");
    assert_eq!(n(t, &["violations", "CH-SECRET-001"]), 1, "{t}");
    assert!(n(t, &["denied_commits"]) >= 2, "{t}");
    assert_eq!(
        n(t, &["secrets_introduced"]),
        n(&j["by_dir"]["config"], &["secrets_introduced"])
    );
    assert!(n(t, &["secrets_introduced"]) >= 1, "{t}");
    let removed = n(t, &["secrets_removed"]);
    assert_eq!(
        removed,
        n(t, &["secrets_introduced"]),
        "every secret was removed: {t}"
    );
    let days = t["remediation_days_sum"].as_f64().unwrap() / removed as f64;
    assert!((days - 2.0).abs() < 1e-9, "two days to remove: {days}");
    // The review trailer's commit was written and committed at once: a latency of 0 hours.
    assert_eq!(n(t, &["review_latency_count"]), 1, "{t}");
    let months: Vec<&str> = j["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["month"].as_str().unwrap())
        .collect();
    assert_eq!(months, ["2026-01", "2026-02"]);
    assert_eq!(n(&j["months"][0]["totals"], &["commits"]), 3);
    assert_eq!(n(&j["months"][0]["by_class"]["auth"], &["ai_commits"]), 2);
    assert_eq!(n(&j["by_dir"]["src"], &["commits"]), 3);
    assert_eq!(
        n(&j["by_author"]["Sam Poe <sam@example.org>"], &["commits"]),
        2
    );
    let s = &j["secrets"][0];
    assert_eq!(s["path"], "config/settings.py");
    assert_eq!(s["introduced_on"], "2026-02-14");
    assert_eq!(s["removed_on"], "2026-02-16");
    assert_eq!(s["commits_to_remove"], 1);
    assert_eq!(j["repositories"][0]["commits"], 5);
    assert_eq!(j["repositories"][0]["first_day"], "2026-01-05");
    // --since keeps the second month only.
    let since = json_report(&r, &["--since", "2026-02-01"]);
    assert_eq!(n(&since["totals"], &["commits"]), 2);
}

#[test]
fn no_format_of_the_report_or_blame_holds_the_secret() {
    let r = history();
    let secret = aws_secret();
    for format in ["console", "json", "csv", "markdown", "html"] {
        let run = r.charter(&["report", "--format", format]);
        assert_eq!(run.code, 0, "{format}: {}", run.all());
        assert!(!run.all().contains(&secret), "{format} leaks the secret");
        assert!(
            !run.all().contains(&aws_key_id()),
            "{format} leaks the key id"
        );
    }
    // Blame of the commit that held the key shows its lines redacted.
    let run = r.charter(&["blame", "--rev", "HEAD~1", "config/settings.py"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        !run.all().contains(&secret),
        "blame leaks the secret: {}",
        run.stdout
    );
    assert!(
        run.stdout.contains("AWS_SECRET_ACCESS_KEY"),
        "{}",
        run.stdout
    );
}

#[test]
fn each_commit_is_judged_by_the_charter_of_its_time() {
    let r = Repo::new();
    r.add("src/a.py", "x = 1\n");
    commit_at(
        &r,
        "Start\n\nCo-Authored-By: Claude <noreply@anthropic.com>",
        T0,
        DANA,
    );
    // From here on the team's charter switches the disclosure policy off.
    r.add(
        ".charter/charter.yaml",
        "policies:\n  disable: [CH-AI-001]\n",
    );
    commit_at(&r, "Adopt a charter", T0 + DAY, DANA);
    r.add("src/b.py", "y = 2\n");
    commit_at(
        &r,
        "More\n\nCo-Authored-By: Claude <noreply@anthropic.com>",
        T0 + 2 * DAY,
        DANA,
    );
    let j = json_report(&r, &[]);
    let t = &j["totals"];
    assert_eq!(n(t, &["ai_commits"]), 2, "{t}");
    // The first AI commit was made before the charter existed: the default charter required a
    // disclosure. The last one was made under the team's charter, which does not.
    assert_eq!(n(t, &["disclosure_required"]), 1, "{t}");
    assert_eq!(n(t, &["violations", "CH-AI-001"]), 1, "{t}");
}

#[test]
fn a_commit_too_large_to_judge_is_counted_not_fatal() {
    let r = Repo::new();
    r.add(".charter/charter.yaml", "limits:\n  max_files: 3\n");
    commit_at(&r, "Charter", T0, DANA);
    for i in 0..5 {
        r.write(&format!("gen/f{i}.txt"), "generated\n");
    }
    r.git(&["add", "gen"]);
    commit_at(&r, "Vendor generated files", T0 + DAY, DANA);
    let ci = r.charter(&["ci", "--range", "HEAD~1..HEAD"]);
    assert_eq!(ci.code, 2, "ci refuses to judge it: {}", ci.all());
    let j = json_report(&r, &[]);
    assert_eq!(n(&j["totals"], &["commits"]), 2);
    assert_eq!(n(&j["totals"], &["unjudged_commits"]), 1);
    assert_eq!(n(&j["by_dir"]["gen"], &["added_lines"]), 5);
    assert!(
        j["notes"].to_string().contains("not judged"),
        "{}",
        j["notes"]
    );
}

#[test]
fn reports_merge_across_repositories_and_formats_render() {
    let a = history();
    let b = Repo::new();
    b.add("lib/x.rs", "fn x() {}\n");
    commit_at(&b, "Add x\n\nAssisted-by: copilot", T0 + 3 * DAY, SAM);
    let dir = tempfile::tempdir().unwrap();
    let (pa, pb) = (dir.path().join("a.json"), dir.path().join("b.json"));
    for (repo, p) in [(&a, &pa), (&b, &pb)] {
        let run = repo.charter(&[
            "report",
            "--format",
            "json",
            "--output",
            p.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{}", run.all());
        assert!(
            run.stdout.is_empty(),
            "--output writes the file, not stdout"
        );
    }
    let run = run_in(
        dir.path(),
        &[
            "report",
            "--format",
            "json",
            "--merge",
            pa.to_str().unwrap(),
            pb.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.all());
    let m: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(m["repositories"].as_array().unwrap().len(), 2);
    assert_eq!(n(&m["totals"], &["commits"]), 6);
    assert_eq!(
        n(&m["months"][0]["totals"], &["commits"]),
        4,
        "January of both"
    );
    // CSV: a header, then a row per month and split; Markdown: the README section by directory.
    let csv = run_in(
        dir.path(),
        &["report", "--format", "csv", "--merge", pa.to_str().unwrap()],
    );
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert!(
        lines[0].starts_with("repository,month,split,key,commits,"),
        "{}",
        lines[0]
    );
    assert!(
        lines.iter().any(|l| l.contains(",all,total,,5,")),
        "{}",
        csv.stdout
    );
    assert!(
        lines.iter().any(|l| l.contains(",2026-01,dir,src,3,")),
        "{}",
        csv.stdout
    );
    let md = a.charter(&["report", "--format", "markdown"]);
    assert!(
        md.stdout.starts_with("## AI assistance in this project\n"),
        "{}",
        md.stdout
    );
    assert!(md.stdout.contains("| src | 3 | 2 |"), "{}", md.stdout);
    // A file that is not a report is a usage error naming it.
    std::fs::write(dir.path().join("bad.json"), "{\"schema_version\": 7}").unwrap();
    let bad = run_in(dir.path(), &["report", "--merge", "bad.json"]);
    assert_eq!(bad.code, 2, "{}", bad.all());
    assert!(bad.stderr.contains("schema_version 7"), "{}", bad.stderr);
}

#[test]
fn formats_are_refused_where_they_do_not_belong() {
    let r = history();
    let sarif = r.charter(&["report", "--format", "sarif"]);
    assert_eq!(sarif.code, 2, "{}", sarif.all());
    let csv = r.charter(&["ci", "--range", "HEAD", "--format", "csv"]);
    assert_eq!(csv.code, 2, "{}", csv.all());
    let html = r.charter(&["blame", "src/app.py", "--format", "html"]);
    assert_eq!(html.code, 2, "{}", html.all());
}

#[test]
fn blame_names_each_lines_commit_and_its_ai_disclosure_and_review() {
    let r = history();
    let run = r.charter(&["blame", "src/auth/login.py", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let b: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(b["path"], "src/auth/login.py");
    let lines = b["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 7);
    let first = &b["commits"][lines[0]["commit"].as_str().unwrap()];
    let last = &b["commits"][lines[6]["commit"].as_str().unwrap()];
    assert_eq!(lines[0]["text"], "import bcrypt");
    assert_eq!(first["ai_assisted"], true);
    assert_eq!(first["disclosed"], false);
    assert_eq!(first["reviews_met"], false);
    assert_eq!(last["disclosed"], true);
    assert_eq!(last["reviews_met"], true);
    assert_eq!(last["tools"][0], "Claude Code");
    let console = r.charter(&["blame", "src/auth/login.py"]);
    assert!(console.stdout.contains("UNDISCLOSED"), "{}", console.stdout);
    assert!(console.stdout.contains("reviewed"), "{}", console.stdout);
    let outside = r.charter(&["blame", "/etc/hostname"]);
    assert_eq!(outside.code, 2, "{}", outside.all());
}

#[test]
fn the_html_report_of_a_real_history_draws_its_charts_in_a_browser() {
    let r = history();
    // A directory whose name is markup: the page shows it as text.
    r.add("<img src=x onerror=alert(1)>/notes.py", "n = 1\n");
    commit_at(&r, "Notes", T0 + 43 * DAY, DANA);
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let run = r.charter(&["report", "--format", "html", "-o", page.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.all());
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains(&aws_secret()), "the page leaks the secret");
    assert!(
        !html.contains("https://") && !html.contains("src=\""),
        "the page loads nothing"
    );
    let Some(dom) = crate::kpi_html::render(&page) else {
        return;
    };
    let root = &dom[dom.find("<html").expect("an html element")..];
    let root = &root[..root.find('>').unwrap()];
    assert!(
        root.contains("data-charts=\"3\""),
        "charts not drawn: {root}"
    );
    assert!(!root.contains("data-script-errors"), "script errors: {dom}");
    assert!(
        dom.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "the markup directory is text: {dom}"
    );
    assert!(!dom.contains("<img"), "{dom}");
    let heat = &dom[dom.find("id=\"heatmap\"").expect("a heat map")..];
    assert!(heat.contains("<rect") && heat.contains("<title>"), "{heat}");
}

#[test]
fn a_mass_move_finds_exact_renames_without_comparing_every_pair_by_content() {
    let r = Repo::new();
    for i in 0..1001 {
        r.write(&format!("old/f{i}.txt"), format!("file {i}\nsecond line\n"));
    }
    for i in 0..3 {
        r.write(
            &format!("old/big{i}.txt"),
            (0..40)
                .map(|l| format!("{i} line {l}\n"))
                .collect::<String>(),
        );
    }
    r.git(&["add", "old"]);
    commit_at(&r, "Add files", T0, DANA);
    r.git(&["mv", "old", "new"]);
    // Three moved files are also edited. Over a million added x deleted pairs, git-charter finds
    // the exact renames only (git then looks for similar ones among the files left; libgit2 cannot),
    // so the edited moves are judged as new files on all their lines: stricter than git, not laxer.
    for i in 0..3 {
        r.write(
            &format!("new/big{i}.txt"),
            (0..41)
                .map(|l| format!("{i} line {l}\n"))
                .collect::<String>(),
        );
    }
    r.git(&["add", "new"]);
    commit_at(&r, "Move everything", T0 + DAY, DANA);
    let numstat = r.git(&["diff", "--numstat", "-M", "HEAD~1", "HEAD"]);
    let git_added: u64 = numstat
        .lines()
        .filter_map(|l| l.split('\t').next()?.parse::<u64>().ok())
        .sum();
    assert_eq!(git_added, 3, "git sees three edited renames: {numstat}");
    let start = std::time::Instant::now();
    let j = json_report(&r, &["--range", "HEAD~1..HEAD"]);
    assert_eq!(n(&j["totals"], &["added_lines"]), 3 * 41, "{}", j["totals"]);
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}
