//! `scan --history`: every blob of the history once, each finding with the commit that introduced
//! it, on real repositories built with git.

use crate::common::{Repo, git_in};
use std::process::Command;

/// Distinct AWS access key ids (a deny of the default charter), built at run time.
fn key(n: usize) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let tail: String = (0..16)
        .map(|i| A[(n * 7 + i * 13 + i * i * 5) % 32] as char)
        .collect();
    format!("AKIA{tail}")
}

fn commit_at(r: &Repo, msg: &str, date: &str) {
    let out = Command::new("git")
        .args(["commit", "-q", "--no-verify", "--allow-empty", "-m", msg])
        .current_dir(r.path())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn head(r: &Repo) -> String {
    r.git(&["rev-parse", "HEAD"]).trim().to_string()
}

fn violations(r: &Repo, args: &[&str]) -> (i32, Vec<serde_json::Value>, String) {
    let mut all = vec!["scan", "--history", "--format", "json"];
    all.extend_from_slice(args);
    let run = r.charter(&all);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", run.stdout, run.stderr));
    let vs = doc["violations"].as_array().cloned().unwrap_or_default();
    (run.code, vs, run.stdout)
}

fn secret_violations(vs: &[serde_json::Value]) -> Vec<&serde_json::Value> {
    vs.iter()
        .filter(|v| v["policy_id"] == "CH-SECRET-001")
        .collect()
}

#[test]
fn a_secret_is_reported_once_with_the_commit_that_introduced_it_and_whether_head_still_has_it() {
    let r = Repo::new();
    r.add("README.md", "# project\n");
    r.commit("start");
    r.add("config.py", format!("AWS_KEY = \"{}\"\n", key(1)));
    r.add("old.py", format!("KEY = \"{}\"\n", key(2)));
    r.commit("add config");
    let introduced = head(&r);
    // Later versions of the file keep the secret: still one finding, the first commit's.
    for i in 0..3 {
        r.add("config.py", format!("AWS_KEY = \"{}\"\nX = {i}\n", key(1)));
        r.commit(&format!("edit {i}"));
    }
    r.git(&["rm", "-q", "old.py"]);
    r.commit("drop old.py");
    let (code, vs, raw) = violations(&r, &[]);
    assert_eq!(code, 1, "{raw}");
    let secrets = secret_violations(&vs);
    assert_eq!(secrets.len(), 2, "{raw}");
    for v in &secrets {
        assert_eq!(v["commit"], introduced.as_str(), "{raw}");
    }
    let by_path = |p: &str| secrets.iter().find(|v| v["path"] == p).unwrap();
    assert_eq!(by_path("config.py")["at_head"], true, "{raw}");
    assert_eq!(by_path("old.py")["at_head"], false, "{raw}");
    // Redacted in every format.
    for format in ["console", "json", "sarif", "github"] {
        let run = r.charter(&["scan", "--history", "--format", format]);
        for n in [1, 2] {
            assert!(
                !run.all().contains(&key(n)),
                "{format} leaks: {}",
                run.all()
            );
        }
    }
    let console = r.charter(&["scan", "--history"]);
    assert!(
        console
            .stdout
            .contains(&format!("commit {}", &introduced[..12])),
        "{}",
        console.stdout
    );
    assert!(
        console.stdout.contains("gone from HEAD, still in history"),
        "{}",
        console.stdout
    );
}

#[test]
fn every_ref_is_read_by_default_and_revisions_and_ranges_limit_the_walk() {
    let r = Repo::new();
    r.add("a.txt", "plain\n");
    r.commit("start");
    let base = head(&r);
    r.add("early.py", format!("K = \"{}\"\n", key(3)));
    r.commit("early secret on main");
    let early = head(&r);
    r.git(&["checkout", "-q", "-b", "feature"]);
    r.add("feature.py", format!("K = \"{}\"\n", key(4)));
    r.commit("secret on an unmerged branch");
    let feature = head(&r);
    r.git(&["checkout", "-q", "main"]);

    let (_, vs, raw) = violations(&r, &[]);
    let commits: Vec<&str> = secret_violations(&vs)
        .iter()
        .map(|v| v["commit"].as_str().unwrap())
        .collect();
    assert!(
        commits.contains(&early.as_str()) && commits.contains(&feature.as_str()),
        "{raw}"
    );
    // `main` alone does not reach the feature branch.
    let (_, vs, raw) = violations(&r, &["main"]);
    assert_eq!(secret_violations(&vs).len(), 1, "{raw}");
    assert_eq!(secret_violations(&vs)[0]["commit"], early.as_str());
    // `early..feature`: what `early` already had is not introduced by the range.
    let (_, vs, raw) = violations(&r, &[&format!("{early}..feature")]);
    let s = secret_violations(&vs);
    assert_eq!(s.len(), 1, "{raw}");
    assert_eq!(s[0]["path"], "feature.py");
    // `^X` hides, as in git.
    let (code, vs, raw) = violations(&r, &["main", &format!("^{early}")]);
    assert_eq!((code, secret_violations(&vs).len()), (0, 0), "{raw}");
    let (_, vs, _) = violations(&r, &[&format!("{base}..main")]);
    assert_eq!(secret_violations(&vs).len(), 1);
}

#[test]
fn a_merge_attributes_side_branch_secrets_to_the_side_commit() {
    let r = Repo::new();
    r.add("a.txt", "plain\n");
    r.commit("start");
    r.git(&["checkout", "-q", "-b", "side"]);
    r.add("side.py", format!("K = \"{}\"\n", key(5)));
    r.commit("side secret");
    let side = head(&r);
    r.git(&["checkout", "-q", "main"]);
    r.add("b.txt", "other\n");
    r.commit("main work");
    r.git(&["merge", "-q", "--no-ff", "-m", "merge side", "side"]);
    r.git(&["branch", "-q", "-D", "side"]);
    let (_, vs, raw) = violations(&r, &[]);
    let s = secret_violations(&vs);
    assert_eq!(s.len(), 1, "{raw}");
    assert_eq!(s[0]["commit"], side.as_str(), "{raw}");
    assert_eq!(s[0]["at_head"], true, "{raw}");
}

#[test]
fn since_and_until_select_commits_by_date_without_blaming_the_first_one_for_older_content() {
    let r = Repo::new();
    r.add("old.py", format!("K = \"{}\"\n", key(6)));
    commit_at(&r, "old secret", "2020-01-01T00:00:00Z");
    r.add("mid.py", format!("K = \"{}\"\n", key(7)));
    commit_at(&r, "mid secret", "2022-06-01T00:00:00Z");
    let mid = head(&r);
    r.add("new.py", format!("K = \"{}\"\n", key(8)));
    commit_at(&r, "new secret", "2024-06-01T00:00:00Z");
    let paths = |args: &[&str]| {
        let (_, vs, _) = violations(&r, args);
        let mut p: Vec<String> = secret_violations(&vs)
            .iter()
            .map(|v| v["path"].as_str().unwrap().to_string())
            .collect();
        p.sort();
        p
    };
    assert_eq!(paths(&[]), ["mid.py", "new.py", "old.py"]);
    // old.py predates --since: it is not reported as introduced by the first commit after it.
    assert_eq!(paths(&["--since", "2021-01-01"]), ["mid.py", "new.py"]);
    assert_eq!(paths(&["--until", "2023-01-01"]), ["mid.py", "old.py"]);
    assert_eq!(
        paths(&[
            "--since",
            "2021-01-01",
            "--until",
            "2023-01-01T00:00:00+02:00"
        ]),
        ["mid.py"]
    );
    let (_, vs, _) = violations(&r, &["--since", "@1640995200"]);
    assert!(
        secret_violations(&vs)
            .iter()
            .any(|v| v["commit"] == mid.as_str())
    );
    let bad = r.charter(&["scan", "--history", "--since", "last tuesday"]);
    assert_eq!(bad.code, 2, "{}", bad.all());
    assert!(
        bad.stderr.contains("--since `last tuesday`"),
        "{}",
        bad.stderr
    );
}

#[test]
fn large_blobs_are_skipped_and_counted_and_messages_are_scanned_too() {
    let r = Repo::new();
    let mut big = "x = 1\n".repeat(40_000);
    big.push_str(&format!("K = \"{}\"\n", key(9)));
    r.add("big.py", &big);
    r.commit(&format!("add data\n\nused {} to test", key(10)));
    let (_, vs, raw) = violations(&r, &["--max-blob-size", "100K"]);
    let s = secret_violations(&vs);
    assert_eq!(s.len(), 1, "{raw}");
    assert!(s[0]["path"].is_null(), "{raw}");
    assert!(
        s[0]["message"].as_str().unwrap().contains("commit message"),
        "{raw}"
    );
    let doc: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(doc["stats"]["skipped_large"], 1, "{raw}");
    let (_, vs, raw) = violations(&r, &["--max-blob-size", "1M"]);
    assert_eq!(secret_violations(&vs).len(), 2, "{raw}");
    assert!(!raw.contains(&key(10)) && !raw.contains(&key(9)));
    let bad = r.charter(&["scan", "--history", "--max-blob-size", "lots"]);
    assert_eq!(bad.code, 2, "{}", bad.all());
}

#[test]
fn the_baseline_accepts_history_findings_by_fingerprint() {
    let r = Repo::new();
    r.add("a.py", format!("K = \"{}\"\n", key(11)));
    r.commit("secret");
    r.git(&["rm", "-q", "a.py"]);
    r.commit("removed");
    let (code, vs, raw) = violations(&r, &[]);
    assert_eq!((code, secret_violations(&vs).len()), (1, 1), "{raw}");
    // The finding's fingerprint in the baseline (as `baseline` writes it for a file on disk).
    r.add("a.py", format!("K = \"{}\"\n", key(11)));
    let b = r.charter(&["baseline"]);
    assert_eq!(b.code, 0, "{}", b.all());
    std::fs::remove_file(r.path().join("a.py")).unwrap();
    r.git(&["reset", "-q"]);
    let (code, vs, raw) = violations(&r, &[]);
    assert_eq!((code, secret_violations(&vs).len()), (0, 0), "{raw}");
}

#[test]
fn unknown_revisions_and_empty_histories_are_clear() {
    let r = Repo::new();
    let run = r.charter(&["scan", "--history"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.all().contains("no commits"), "{}", run.all());
    r.add("a.txt", "x\n");
    r.commit("one");
    let run = r.charter(&["scan", "--history", "no-such-branch"]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("no-such-branch"), "{}", run.stderr);
    let run = r.charter(&["scan", "--since", "2020-01-01"]);
    assert_eq!(run.code, 2, "--since needs --history: {}", run.all());
}

#[test]
fn a_bare_mirror_is_scanned_with_its_head_charter() {
    let r = Repo::new();
    r.add("a.py", format!("K = \"{}\"\n", key(12)));
    r.commit("secret");
    let mirror = tempfile::tempdir().unwrap();
    let dest = mirror.path().join("m.git");
    let out = git_in(
        r.path(),
        &["clone", "-q", "--mirror", ".", dest.to_str().unwrap()],
    );
    assert!(out.status.success());
    let run = crate::common::run_in(&dest, &["scan", "--history", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stdout.contains("CH-SECRET-001"), "{}", run.stdout);
}

#[test]
fn a_secret_added_to_an_existing_file_is_found_on_its_line_and_a_rename_does_not_repeat_it() {
    let r = Repo::new();
    let body: String = (0..40).map(|i| format!("value_{i} = {i}\n")).collect();
    r.add("settings.py", &body);
    r.commit("settings");
    // Line 21 of the new version.
    let mut lines: Vec<String> = body.lines().map(str::to_string).collect();
    lines.insert(20, format!("AWS_KEY = \"{}\"", key(13)));
    r.add("settings.py", lines.join("\n") + "\n");
    r.commit("add a key");
    let added = head(&r);
    r.git(&["mv", "settings.py", "conf.py"]);
    r.commit("rename");
    let (_, vs, raw) = violations(&r, &[]);
    let s = secret_violations(&vs);
    assert_eq!(s.len(), 1, "{raw}");
    assert_eq!(s[0]["commit"], added.as_str(), "{raw}");
    assert_eq!(s[0]["path"], "settings.py", "{raw}");
    assert_eq!(s[0]["line"], 21, "{raw}");
    // Moved, not removed: HEAD still holds it.
    assert_eq!(s[0]["at_head"], true, "{raw}");
}
