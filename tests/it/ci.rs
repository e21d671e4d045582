//! `git charter ci` and `git charter pre-push` against real temporary repositories: the same verdict as
//! the hooks, commit by commit; merges; the base side's charter; shallow clones; pre-push ref lines.

use crate::common::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};

/// (policy id, path, line): what a verdict says, independent of stage and commit.
type Verdict = BTreeSet<(String, Option<String>, Option<u64>)>;

/// A team policy that needs a `Refs:` trailer, so commit-msg rejections are part of the story.
const TICKET_POLICY: &str = r#"# METADATA
# title: Commits reference a ticket
# description: Every commit names the ticket it belongs to.
# custom:
#   id: CH-TEAM-001
#   severity: medium
#   remediation: "Add a `Refs: <ticket>` trailer."
#   stages: [commit-msg, pre-push, ci]
package gitcharter.team.ticket

deny contains result if {
	is_string(input.commit.message)
	not has_refs
	result := {"message": "the message has no Refs: trailer"}
}

has_refs if {
	some t in input.commit.trailers
	lower(t.key) == "refs"
}
"#;

/// Runs the binary with stdin and extra environment; CI variables of the machine running the tests
/// are removed so they cannot pick a range.
fn charter_with(dir: &Path, args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE");
    for k in [
        "GITHUB_BASE_REF",
        "CI_MERGE_REQUEST_DIFF_BASE_SHA",
        "CI_COMMIT_BEFORE_SHA",
        "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA",
        "GITHUB_EVENT_NAME",
        "GITHUB_EVENT_PATH",
        "BITBUCKET_PR_DESTINATION_COMMIT",
        "SYSTEM_PULLREQUEST_TARGETBRANCH",
        "BUILDKITE_PULL_REQUEST_BASE_BRANCH",
        "PRE_COMMIT_FROM_REF",
        "PRE_COMMIT_TO_REF",
    ] {
        cmd.env_remove(k);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("binary runs");
    {
        use std::io::Write;
        let mut si = child.stdin.take().unwrap();
        // The binary may stop reading early (stdin over its limit): a closed pipe is its answer.
        if let Err(e) = si.write_all(stdin.as_bytes()) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        }
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// git with the installed hooks able to find this build of the binary.
fn git_hooked(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CHARTER_BIN", BIN)
        .env("NO_COLOR", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .env_remove("PRE_COMMIT_FROM_REF")
        .env_remove("PRE_COMMIT_TO_REF")
        .stdin(Stdio::null())
        .output()
        .expect("git runs")
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.all()))
}

fn verdict_of(doc: &Value, commit: Option<&str>) -> Verdict {
    doc["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["level"] == "deny")
        .filter(|v| commit.is_none_or(|c| v["commit"] == c))
        .map(|v| {
            (
                v["policy_id"].as_str().unwrap().to_string(),
                v["path"].as_str().map(str::to_string),
                v["line"].as_u64(),
            )
        })
        .collect()
}

fn head(r: &Repo) -> String {
    r.git(&["rev-parse", "HEAD"]).trim().to_string()
}

fn ci(r: &Repo, range: &str) -> (i32, Value) {
    let run = charter_with(
        r.path(),
        &["ci", "--range", range, "--format", "json"],
        "",
        &[],
    );
    assert!(run.code == 0 || run.code == 1, "ci failed:\n{}", run.all());
    (run.code, json(&run))
}

/// What the hooks say about the staged changes and `msg`, run by hand exactly as the shims run them.
fn hook_verdict(r: &Repo, msg: &str) -> (i32, Verdict) {
    let msg_file = r.path().join(".git/CHARTER_TEST_MSG");
    std::fs::write(&msg_file, msg).unwrap();
    let pre = charter_with(r.path(), &["pre-commit", "--format", "json"], "", &[]);
    let cm = charter_with(
        r.path(),
        &["commit-msg", ".git/CHARTER_TEST_MSG", "--format", "json"],
        "",
        &[],
    );
    let mut v = verdict_of(&json(&pre), None);
    v.extend(verdict_of(&json(&cm), None));
    (pre.code.max(cm.code), v)
}

/// Commits what is staged through the installed hooks; returns whether git accepted it.
fn commit_hooked(r: &Repo, msg: &str, no_verify: bool) -> bool {
    let mut args = vec!["commit", "-q", "-m", msg];
    if no_verify {
        args.push("--no-verify");
    }
    git_hooked(r.path(), &args).status.success()
}

#[test]
fn ci_reaches_the_hooks_verdict_for_every_commit_and_catches_no_verify() {
    let r = Repo::new();
    let install = charter_with(r.path(), &["install"], "", &[]);
    assert_eq!(install.code, 0, "{}", install.all());
    r.add(".charter/policies/team/ticket.rego", TICKET_POLICY);
    assert!(commit_hooked(
        &r,
        "Add the team's ticket policy\n\nRefs: #1",
        false
    ));
    let base = head(&r);

    // (commit id, what the hooks said) for every commit that landed on main.
    let mut landed: Vec<(String, i32, Verdict)> = Vec::new();
    // Rejected attempts, recorded on a side branch with --no-verify so ci can judge them too.
    let mut attempts: Vec<(String, i32, Verdict)> = Vec::new();

    // 1. Accepted.
    r.add("src/app.py", "print('hello')\n");
    let msg = "Greet the user\n\nRefs: #2";
    let (code, v) = hook_verdict(&r, msg);
    assert_eq!((code, v.is_empty()), (0, true), "{v:?}");
    assert!(
        commit_hooked(&r, msg, false),
        "the hooks accepted it by hand, so git must too"
    );
    landed.push((head(&r), code, v));

    // 2. Rejected at pre-commit (a key), recorded, then fixed and accepted.
    r.add(
        "src/config.py",
        format!("import os\nAWS_ACCESS_KEY_ID = \"{}\"\n", aws_key_id()),
    );
    let msg = "Configure AWS\n\nRefs: #3";
    let (code, v) = hook_verdict(&r, msg);
    assert_eq!(code, 1);
    assert!(
        v.contains(&(
            "CH-SECRET-001".into(),
            Some("src/config.py".into()),
            Some(2)
        )),
        "{v:?}"
    );
    assert!(
        !commit_hooked(&r, msg, false),
        "the pre-commit hook must stop the commit"
    );
    r.git(&["checkout", "-q", "-b", "attempt-1"]);
    assert!(commit_hooked(&r, msg, true));
    attempts.push((head(&r), code, v));
    r.git(&["checkout", "-q", "main"]);
    r.add(
        "src/config.py",
        "import os\nAWS_ACCESS_KEY_ID = os.environ['AWS_ACCESS_KEY_ID']\n",
    );
    let (code, v) = hook_verdict(&r, msg);
    assert_eq!(code, 0, "{v:?}");
    assert!(commit_hooked(&r, msg, false));
    landed.push((head(&r), code, v));

    // 3. Rejected at commit-msg (no Refs trailer), then reworded and accepted.
    r.add("README.md", "# app\n");
    let msg = "Add a readme";
    let (code, v) = hook_verdict(&r, msg);
    assert_eq!(code, 1);
    assert!(v.contains(&("CH-TEAM-001".into(), None, None)), "{v:?}");
    assert!(
        !commit_hooked(&r, msg, false),
        "the commit-msg hook must stop the commit"
    );
    r.git(&["checkout", "-q", "-b", "attempt-2"]);
    assert!(commit_hooked(&r, msg, true));
    attempts.push((head(&r), code, v));
    r.git(&["checkout", "-q", "main"]);
    r.add("README.md", "# app\n");
    let msg = "Add a readme\n\nRefs: #4";
    let (code, v) = hook_verdict(&r, msg);
    assert_eq!(code, 0, "{v:?}");
    assert!(commit_hooked(&r, msg, false));
    landed.push((head(&r), code, v));

    // 4. Made with --no-verify: a key and no trailer. The hooks would have said no.
    r.add(
        "deploy/run.sh",
        format!("#!/bin/sh\nexport KEY={}\n", aws_key_id()),
    );
    let msg = "Quick deploy fix";
    let (code, v) = hook_verdict(&r, msg);
    assert_eq!(code, 1);
    assert!(commit_hooked(&r, msg, true));
    let sneaked = head(&r);
    landed.push((sneaked.clone(), code, v));

    // 5. Accepted after it.
    r.add("src/app.py", "print('hello, world')\n");
    let msg = "Greet the world\n\nRefs: #5";
    let (code, v) = hook_verdict(&r, msg);
    assert_eq!(code, 0);
    assert!(commit_hooked(&r, msg, false));
    landed.push((head(&r), code, v));

    let (code, doc) = ci(&r, &format!("{base}..main"));
    assert_eq!(code, 1, "the --no-verify commit must fail CI");
    assert_eq!(doc["commits"], landed.len(), "{doc:#}");
    assert_eq!(doc["stage"], "ci");
    for (id, hook_code, hook_v) in &landed {
        assert_eq!(
            &verdict_of(&doc, Some(id)),
            hook_v,
            "commit {id}: ci and the hooks disagree\n{doc:#}"
        );
        let (one_code, _) = ci(&r, &format!("{id}~1..{id}"));
        assert_eq!(
            one_code, *hook_code,
            "commit {id}: exit code differs from the hooks'"
        );
    }
    let caught = verdict_of(&doc, Some(&sneaked));
    assert!(
        caught.contains(&(
            "CH-SECRET-001".into(),
            Some("deploy/run.sh".into()),
            Some(2)
        )),
        "{caught:?}"
    );
    assert!(
        caught.contains(&("CH-TEAM-001".into(), None, None)),
        "{caught:?}"
    );
    for (id, hook_code, hook_v) in &attempts {
        let (c, doc) = ci(&r, &format!("{id}~1..{id}"));
        assert_eq!(
            (c, &verdict_of(&doc, Some(id))),
            (*hook_code, hook_v),
            "rejected attempt {id}"
        );
    }
    // Everything before the --no-verify commit passes, as it did locally.
    let (code, doc) = ci(&r, &format!("{base}..{sneaked}~1"));
    assert_eq!(code, 0, "{doc:#}");
    assert_eq!(doc["commits"], 3);
    // And the pre-push hook stops the push of the same history.
    let remote = tempfile::tempdir().unwrap();
    r.git(&["init", "-q", "--bare", remote.path().to_str().unwrap()]);
    r.git(&["remote", "add", "origin", remote.path().to_str().unwrap()]);
    let push = git_hooked(r.path(), &["push", "-q", "origin", "main"]);
    assert!(
        !push.status.success(),
        "pre-push must refuse the --no-verify commit"
    );
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&push.stdout),
        String::from_utf8_lossy(&push.stderr)
    );
    assert!(said.contains("CH-SECRET-001"), "{said}");
}

#[test]
fn empty_range_passes_with_zero_commits() {
    let r = Repo::new();
    r.add("a.txt", "a\n");
    r.commit("one");
    let run = charter_with(r.path(), &["ci", "--range", "HEAD..HEAD"], "", &[]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("0 commits"), "{}", run.all());
    let (code, doc) = ci(&r, "HEAD..HEAD");
    assert_eq!(
        (code, doc["commits"].as_u64(), doc["verdict"].as_str()),
        (0, Some(0), Some("passed"))
    );
}

#[test]
fn base_is_shorthand_for_base_dot_dot_head_and_one_revision_means_its_whole_history() {
    let r = Repo::new();
    r.add("k.py", format!("k = \"{}\"\n", aws_key_id()));
    r.commit("root with a key");
    r.add("a.txt", "a\n");
    r.commit("two");
    let run = charter_with(
        r.path(),
        &["ci", "--base", "HEAD~1", "--format", "json"],
        "",
        &[],
    );
    assert_eq!(
        (run.code, json(&run)["commits"].as_u64()),
        (0, Some(1)),
        "{}",
        run.all()
    );
    // The root commit can only be judged through a whole-history range.
    // BASE...HEAD: the commits since the merge base (GitHub's compare view), here the same one.
    let (code, doc) = ci(&r, "HEAD~1...HEAD");
    assert_eq!((code, doc["commits"].as_u64()), (0, Some(1)), "{doc:#}");
    let (code, doc) = ci(&r, "HEAD");
    assert_eq!((code, doc["commits"].as_u64()), (1, Some(2)), "{doc:#}");
    let run = charter_with(r.path(), &["ci"], "", &[]);
    assert_eq!(
        run.code,
        2,
        "no range and no CI environment is a usage error: {}",
        run.all()
    );
    let run = charter_with(
        r.path(),
        &["ci"],
        "",
        &[("CI_MERGE_REQUEST_DIFF_BASE_SHA", "HEAD~1")],
    );
    assert_eq!(
        run.code,
        0,
        "GitLab's merge request base is used: {}",
        run.all()
    );
}

#[test]
fn a_charter_change_cannot_judge_itself_leniently() {
    let r = Repo::new();
    r.add("a.txt", "a\n");
    r.commit("base");
    let base = head(&r);
    // One commit both switches the secret policy off and adds a key.
    r.add(
        ".charter/charter.yaml",
        "version: 1\npolicies:\n  disable: [CH-SECRET-001]\n",
    );
    r.add("k.py", format!("k = \"{}\"\n", aws_key_id()));
    r.commit("relax the charter and add a key");
    let relaxed = head(&r);
    let (code, doc) = ci(&r, &format!("{base}..{relaxed}"));
    assert_eq!(code, 1, "judged by the base's charter:\n{doc:#}");
    assert!(
        verdict_of(&doc, Some(&relaxed))
            .iter()
            .any(|v| v.0 == "CH-SECRET-001")
    );
    // Once the relaxed charter is on the base side, it is the one in force.
    r.add("k2.py", format!("k = \"{}\"\n", aws_key_id()));
    r.commit("another key, now allowed");
    let (code, doc) = ci(&r, &format!("{relaxed}..HEAD"));
    assert_eq!(code, 0, "{doc:#}");
    // The work tree's charter does not matter either: ci reads it from git objects.
    std::fs::write(r.path().join(".charter/charter.yaml"), "version: [broken\n").unwrap();
    assert_eq!(ci(&r, &format!("{relaxed}..HEAD")).0, 0);
}

#[test]
fn a_broken_charter_on_the_base_is_a_configuration_error_naming_commit_file_and_line() {
    let r = Repo::new();
    r.add(
        ".charter/charter.yaml",
        "version: 1\nlimits:\n  max_file_sise: 3\n",
    );
    r.commit("typo in the charter");
    r.add("a.txt", "a\n");
    r.commit("two");
    let run = charter_with(r.path(), &["ci", "--range", "HEAD~1..HEAD"], "", &[]);
    assert_eq!(run.code, 3, "{}", run.all());
    let base = r.git(&["rev-parse", "--short=12", "HEAD~1"]);
    let base = base.trim();
    assert!(
        run.stderr
            .contains(&format!("{base}:.charter/charter.yaml:3:")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("max_file_sise"), "{}", run.stderr);
}

#[test]
fn merges_are_judged_on_what_they_add_and_side_commits_on_their_own() {
    let r = Repo::new();
    r.add("shared.txt", "one\ntwo\nthree\n");
    r.commit("base");
    let base = head(&r);
    r.git(&["checkout", "-q", "-b", "feature"]);
    r.add("feature.py", format!("k = \"{}\"\n", aws_key_id()));
    r.commit("feature with a key");
    let side = head(&r);
    r.add("shared.txt", "one\nTWO from feature\nthree\n");
    r.commit("feature edits line 2");
    r.git(&["checkout", "-q", "main"]);
    r.add("main.txt", "main\n");
    r.commit("main moves on");
    r.git(&[
        "merge",
        "-q",
        "--no-ff",
        "--no-verify",
        "-m",
        "Merge feature",
        "feature",
    ]);
    let merge = head(&r);
    let (code, doc) = ci(&r, &format!("{base}..main"));
    assert_eq!(code, 1);
    assert_eq!(doc["commits"], 4, "{doc:#}");
    assert!(
        verdict_of(&doc, Some(&side))
            .iter()
            .any(|v| v.0 == "CH-SECRET-001")
    );
    assert!(
        verdict_of(&doc, Some(&merge)).is_empty(),
        "a clean merge adds nothing of its own:\n{doc:#}"
    );

    // A conflict resolved by writing a key: that line is the merge's own.
    r.git(&["checkout", "-q", "-b", "other", &base]);
    r.add("shared.txt", "one\nTWO from other\nthree\n");
    r.commit("other edits line 2");
    r.git(&["checkout", "-q", "main"]);
    let out = git_in(r.path(), &["merge", "-q", "--no-verify", "other"]);
    assert!(!out.status.success(), "expected a conflict");
    r.add(
        "shared.txt",
        format!("one\nTWO = \"{}\"\nthree\n", aws_key_id()),
    );
    r.git(&["commit", "-q", "--no-verify", "--no-edit"]);
    let evil = head(&r);
    let (code, doc) = ci(&r, &format!("{merge}..main"));
    assert_eq!(code, 1);
    let v = verdict_of(&doc, Some(&evil));
    assert_eq!(
        v,
        [(
            "CH-SECRET-001".to_string(),
            Some("shared.txt".to_string()),
            Some(2)
        )]
        .into(),
        "{doc:#}"
    );
}

#[test]
fn a_shallow_clone_missing_the_base_names_the_fix() {
    let r = Repo::new();
    r.add("a.txt", "a\n");
    r.commit("one");
    let first = head(&r);
    r.add("b.txt", "b\n");
    r.commit("two");
    r.add("c.txt", "c\n");
    r.commit("three");
    let parent = tempfile::tempdir().unwrap();
    let url = format!("file://{}", r.path().display());
    let out = git_in(
        parent.path(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
    );
    assert!(out.status.success(), "{out:?}");
    let clone = parent.path().join("shallow");
    for args in [
        vec!["ci", "--base", first.as_str()],
        vec!["ci", "--range", "HEAD~1..HEAD"],
    ] {
        let run = charter_with(&clone, &args, "", &[]);
        assert_eq!(run.code, 2, "{}", run.all());
        assert!(
            run.stderr.contains("shallow") && run.stderr.contains("fetch-depth: 0"),
            "{}",
            run.stderr
        );
    }
    // The whole (shallow) history cannot be judged either: the boundary commit's parents are missing.
    let run = charter_with(&clone, &["ci", "--range", "HEAD"], "", &[]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("fetch-depth: 0"), "{}", run.stderr);
}

fn push_line(local: &str, remote: &str) -> String {
    format!("refs/heads/main {local} refs/heads/main {remote}\n")
}

const ZERO: &str = "0000000000000000000000000000000000000000";

#[test]
fn pre_push_judges_new_updated_force_pushed_and_deleted_branches() {
    let r = Repo::new();
    let remote = tempfile::tempdir().unwrap();
    r.git(&["init", "-q", "--bare", remote.path().to_str().unwrap()]);
    r.git(&["remote", "add", "origin", remote.path().to_str().unwrap()]);
    r.add("a.txt", "a\n");
    r.commit("a");
    let a = head(&r);
    r.add("b.txt", "b\n");
    r.commit("b");
    let b = head(&r);
    let pp = |stdin: &str, env: &[(&str, &str)]| {
        let run = charter_with(
            r.path(),
            &["pre-push", "origin", "url", "--format", "json"],
            stdin,
            env,
        );
        assert!(run.code == 0 || run.code == 1, "{}", run.all());
        (run.code, json(&run))
    };
    // New branch, nothing on the remote yet: every commit, the root included.
    let (code, doc) = pp(&push_line(&b, ZERO), &[]);
    assert_eq!(
        (code, doc["commits"].as_u64(), doc["stage"].as_str()),
        (0, Some(2), Some("pre-push"))
    );
    r.git(&["push", "-q", "origin", "main"]);

    // Update: only what the remote lacks.
    r.add("c.txt", format!("k = \"{}\"\n", aws_key_id()));
    r.commit("c with a key");
    let c = head(&r);
    let (code, doc) = pp(&push_line(&c, &b), &[]);
    assert_eq!((code, doc["commits"].as_u64()), (1, Some(1)));
    assert!(
        verdict_of(&doc, Some(&c))
            .iter()
            .any(|v| v.0 == "CH-SECRET-001")
    );

    // Force push after rewriting: the commits above the merge base, not the ones being replaced.
    r.git(&["reset", "-q", "--hard", &a]);
    r.add("d.txt", "d\n");
    r.commit("d replaces b and c");
    let d = head(&r);
    let (code, doc) = pp(&push_line(&d, &b), &[]);
    assert_eq!((code, doc["commits"].as_u64()), (0, Some(1)), "{doc:#}");

    // Deleting a branch sends nothing.
    let (code, doc) = pp(&format!("(delete) {ZERO} refs/heads/old {b}\n"), &[]);
    assert_eq!((code, doc["commits"].as_u64()), (0, Some(0)));
    // Nothing on stdin (git had nothing to send): nothing to judge.
    assert_eq!(pp("", &[]).1["commits"], 0);

    // A new branch whose base is already on the remote: only its own commits.
    r.git(&["checkout", "-q", "-b", "topic", &b]);
    r.add("e.txt", "e\n");
    r.commit("e");
    let e = head(&r);
    let (code, doc) = pp(
        &format!("refs/heads/topic {e} refs/heads/topic {ZERO}\n"),
        &[],
    );
    assert_eq!((code, doc["commits"].as_u64()), (0, Some(1)));

    // The pre-commit framework passes the range in the environment instead of stdin.
    let (_, doc) = pp(
        "",
        &[("PRE_COMMIT_FROM_REF", &a), ("PRE_COMMIT_TO_REF", &e)],
    );
    assert_eq!(doc["commits"], 2);
    // Without FROM (the branch holds the root commit): commits on no remote-tracking ref.
    let (_, doc) = pp("", &[("PRE_COMMIT_TO_REF", &e)]);
    assert_eq!(doc["commits"], 1);

    // Malformed input is an error, not a silent pass.
    let run = charter_with(
        r.path(),
        &["pre-push", "origin", "url"],
        "refs/heads/main HEAD\n",
        &[],
    );
    assert_eq!(run.code, 2, "{}", run.all());
}

#[test]
fn a_blob_already_analysed_is_not_analysed_again() {
    use crate::api::ci::{CiRange, ci_with_stats};
    let r = Repo::new();
    r.add("base.txt", "base\n");
    r.commit("base");
    let body: String = (0..200).map(|i| format!("line {i}\n")).collect();
    r.add("vendor/lib.c", &body);
    r.commit("vendor a file");
    r.git(&["rm", "-q", "vendor/lib.c"]);
    r.commit("drop it");
    r.add("vendor/lib.c", &body);
    r.commit("bring it back unchanged");
    let args = CiRange {
        range: Some("HEAD~3..HEAD".to_string()),
        base: None,
        attest: false,
    };
    let (report, stats) = ci_with_stats(r.path(), &args).unwrap();
    assert_eq!(report.commits, 3);
    assert_eq!(stats.cache_hits, 1, "{stats:?}");
    assert_eq!(
        report.stats.added_lines, 400,
        "stats still count the reused file: {:?}",
        report.stats
    );
}

#[test]
fn team_gitleaks_rules_are_read_from_the_base_commit() {
    let r = Repo::new();
    r.add(
        ".charter/charter.yaml",
        "version: 1\nsecrets:\n  gitleaks_config: .gitleaks.toml\n",
    );
    r.add(
        ".gitleaks.toml",
        "[[rules]]\nid = \"acme-token\"\ndescription = \"ACME internal token\"\nregex = '''acme_tok_[a-z0-9]{24}'''\nkeywords = [\"acme_tok_\"]\n",
    );
    r.commit("team rules");
    let base = head(&r);
    // The same commit removes the team rule file and adds a token it would catch.
    r.git(&["rm", "-q", ".gitleaks.toml"]);
    r.add(
        "t.py",
        format!("token = \"acme_tok_{}\"\n", "q8z3k1m7x2v9b4n6c5p0w1r7"),
    );
    let (hook_code, hook_v) = {
        r.git(&["checkout", "-q", base.as_str(), "--", ".gitleaks.toml"]);
        let v = hook_verdict(&r, "add a token\n");
        r.git(&["rm", "-q", "--cached", ".gitleaks.toml"]);
        std::fs::remove_file(r.path().join(".gitleaks.toml")).unwrap();
        v
    };
    assert_eq!(hook_code, 1, "{hook_v:?}");
    r.commit("drop the team rules and add a token");
    let (code, doc) = ci(&r, &format!("{base}..HEAD"));
    assert_eq!(code, 1, "{doc:#}");
    let v = verdict_of(&doc, None);
    assert!(
        v.contains(&("CH-SECRET-001".into(), Some("t.py".into()), Some(1))),
        "{doc:#}"
    );
    let secret_hook: Verdict = hook_v
        .into_iter()
        .filter(|x| x.1.as_deref() == Some("t.py"))
        .collect();
    let secret_ci: Verdict = v
        .into_iter()
        .filter(|x| x.1.as_deref() == Some("t.py"))
        .collect();
    assert_eq!(secret_ci, secret_hook);
}

/// `PRE_COMMIT_FROM_REF=HEAD PRE_COMMIT_TO_REF=HEAD git push` switched the native hook off without a
/// word: the framework's variables replaced the ref lines git wrote on stdin.
#[test]
fn framework_ref_variables_do_not_override_the_refs_git_sends() {
    let r = Repo::new();
    r.add("a.txt", "a\n");
    r.commit("a");
    r.add("c.txt", format!("k = \"{}\"\n", aws_key_id()));
    r.commit("c with a key");
    let c = head(&r);
    let bypass = [
        ("PRE_COMMIT_FROM_REF", "HEAD"),
        ("PRE_COMMIT_TO_REF", "HEAD"),
    ];
    let run = charter_with(
        r.path(),
        &["pre-push", "origin", "url", "--format", "json"],
        &push_line(&c, ZERO),
        &bypass,
    );
    assert_eq!(run.code, 1, "{}", run.all());
    assert_eq!(json(&run)["commits"], 2);

    // Under the framework (no ref lines), an empty range says which variables made it empty.
    let run = charter_with(r.path(), &["pre-push", "origin", "url"], "", &bypass);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout
            .contains("PRE_COMMIT_FROM_REF..PRE_COMMIT_TO_REF holds no commits"),
        "{}",
        run.all()
    );
}

/// A 456 MB pre-push stdin took 115 s and 2.7 GB: every line was walked, even a line repeated a
/// million times. Repeated updates are walked once, and stdin past 64 MiB is refused (exit 2).
#[test]
fn pre_push_stdin_repeating_one_line_is_walked_once_and_oversized_stdin_is_refused() {
    let r = Repo::new();
    r.add("a.txt", "a\n");
    r.commit("a");
    let line = push_line(&head(&r), ZERO);
    let started = std::time::Instant::now();
    let run = charter_with(
        r.path(),
        &["pre-push", "origin", "url", "--format", "json"],
        &line.repeat(100_000),
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.all());
    assert_eq!(json(&run)["commits"], 1);
    // One walk per line took ~17 s here (debug build); one walk in all, well under a second.
    assert!(
        started.elapsed() < std::time::Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );

    let run = charter_with(
        r.path(),
        &["pre-push", "origin", "url"],
        &line.repeat((65 << 20) / line.len()),
        &[],
    );
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("more than 64 MiB"), "{}", run.stderr);
}

/// `ci` names each commit as `git log --oneline` does (short id and subject), and a finding about
/// the commit's message is under "message and metadata"; in SARIF it keeps a physical location
/// (code scanning needs one) and names the commit as its logical location.
#[test]
fn ci_names_commits_by_subject_and_sarif_locates_message_findings_logically() {
    let r = Repo::new();
    r.add("a.txt", "a\n");
    r.commit("init");
    r.add("b.txt", "b\n");
    r.commit("Add b\n\nCo-Authored-By: Claude <noreply@anthropic.com>");
    let id = r.git(&["rev-parse", "HEAD"]).trim().to_string();
    let run = r.charter(&["ci", "--range", "HEAD~1..HEAD"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stdout.contains(&format!(
            "commit {} Add b\nmessage and metadata\n",
            &id[..12]
        )),
        "{}",
        run.stdout
    );
    let sarif = r.charter(&["ci", "--range", "HEAD~1..HEAD", "--format", "sarif"]);
    let doc: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let result = &doc["runs"][0]["results"][0];
    let loc = &result["locations"][0];
    assert_eq!(
        loc["physicalLocation"]["artifactLocation"]["uri"],
        ".charter/charter.yaml"
    );
    assert_eq!(
        loc["logicalLocations"][0]["fullyQualifiedName"],
        format!("commit:{id}")
    );
}
