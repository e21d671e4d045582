//! Snapshots of the machine outputs users and policy authors build on: the JSON report of pre-commit
//! and ci, SARIF, the input document at pre-commit and commit-msg, and `policy list`. Volatile values
//! (the temporary repository's path, commit ids, the tool version) are redacted by insta filters.
//! `INSTA_UPDATE=always cargo test --test it snapshots::` (or `cargo insta review`) updates them.

use crate::common::*;

/// The same repository every snapshot starts from: a base commit, then staged a key (assembled at
/// run time, see `aws_key_id`) in a file of the `secrets` class and a Python file.
fn staged_key() -> Repo {
    let r = Repo::new();
    r.add("README.md", "# demo\n");
    r.commit("base");
    r.add(
        "deploy/settings.py",
        format!("import os\n\nKEY = \"{}\"\n", aws_key_id()),
    );
    r.add("src/app.py", "print('hello')\n");
    r
}

/// Runs `f` with filters for this repository's path, commit ids and the tool version.
fn redacted(r: &Repo, f: impl FnOnce()) {
    let mut settings = insta::Settings::clone_current();
    let root = std::fs::canonicalize(r.path()).unwrap();
    for p in [root.to_str().unwrap(), r.path().to_str().unwrap()] {
        settings.add_filter(&regex::escape(p), "[REPO]");
    }
    settings.add_filter(r"\b[0-9a-f]{40}\b", "[COMMIT]");
    settings.add_filter(r"\bcommit [0-9a-f]{12}\b", "commit [SHORT]");
    settings.add_filter(&regex::escape(env!("CARGO_PKG_VERSION")), "[VERSION]");
    settings.add_filter(
        r#""today": "[0-9]{4}-[0-9]{2}-[0-9]{2}""#,
        r#""today": "[TODAY]""#,
    );
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(f);
}

fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.all()))
}

#[test]
fn pre_commit_json_with_violations() {
    let r = staged_key();
    let run = r.charter(&["pre-commit", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.all());
    redacted(&r, || insta::assert_json_snapshot!(json(&run)));
}

#[test]
fn ci_json_and_sarif_with_violations() {
    let r = staged_key();
    r.commit("Add settings\n\nCo-Authored-By: Claude <noreply@anthropic.com>");
    let run = r.charter(&["ci", "--range", "HEAD~1..HEAD", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.all());
    let sarif = r.charter(&["ci", "--range", "HEAD~1..HEAD", "--format", "sarif"]);
    assert_eq!(sarif.code, 1, "{}", sarif.all());
    redacted(&r, || {
        insta::assert_json_snapshot!("ci_json", json(&run));
        insta::assert_json_snapshot!("ci_sarif", json(&sarif));
    });
}

#[test]
fn input_document_at_pre_commit_and_commit_msg() {
    let r = staged_key();
    let pre_commit = r.charter(&["input", "--stage", "pre-commit"]);
    assert_eq!(pre_commit.code, 0, "{}", pre_commit.all());
    r.write(
        "MSG",
        "Add settings\n\nAssisted-by: Claude Code:claude-opus-4\nCo-Authored-By: Claude <noreply@anthropic.com>\n",
    );
    let commit_msg = r.charter(&["input", "--stage", "commit-msg", "MSG"]);
    assert_eq!(commit_msg.code, 0, "{}", commit_msg.all());
    redacted(&r, || {
        insta::assert_json_snapshot!("input_pre_commit", json(&pre_commit));
        insta::assert_json_snapshot!("input_commit_msg", json(&commit_msg));
    });
}

#[test]
fn policy_list() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_in(dir.path(), &["policy", "list"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(run.stdout));
}
