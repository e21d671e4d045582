//! The pre-commit stage against real temporary repositories: what is staged, odd inputs, exit codes.

use crate::common::*;

#[test]
fn aws_key_in_staged_file_is_denied_with_rule_and_policy_id() {
    let r = Repo::new();
    r.add(
        "app/settings.py",
        format!("AWS_ACCESS_KEY_ID = \"{}\"\n", aws_key_id()),
    );
    let run = r.charter(&["pre-commit"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stdout.contains("CH-SECRET-001"), "{}", run.stdout);
    assert!(run.stdout.contains("app/settings.py"), "{}", run.stdout);
    assert!(
        !run.all().contains(&aws_key_id()),
        "the full key must never be printed:\n{}",
        run.all()
    );
}

#[test]
fn clean_commit_passes_with_exit_0() {
    let r = Repo::new();
    r.add(
        "src/lib.rs",
        "pub fn add(a: i32, b: i32) -> i32 { a + b }\n",
    );
    let run = r.charter(&["pre-commit"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("passed"), "{}", run.stdout);
    assert!(run.stdout.contains("1 file, 1 scanned"), "{}", run.stdout);
}

#[test]
fn staged_content_is_judged_not_the_work_tree() {
    let r = Repo::new();
    r.add("a.py", format!("key = \"{}\"\n", aws_key_id()));
    // Fixed in the work tree but not re-staged: the commit would still carry the key.
    r.write("a.py", "key = os.environ['KEY']\n");
    assert_eq!(r.charter(&["pre-commit"]).code, 1);
    // And the other way round: a clean stage with a dirty work tree passes.
    let r2 = Repo::new();
    r2.add("b.py", "x = 1\n");
    r2.write("b.py", format!("key = \"{}\"\n", aws_key_id()));
    assert_eq!(r2.charter(&["pre-commit"]).code, 0);
}

#[test]
fn only_added_lines_of_a_modified_file_are_reported() {
    let r = Repo::new();
    r.add("conf.py", format!("old = \"{}\"\n", aws_key_id()));
    r.commit("old key already in history");
    r.add(
        "conf.py",
        format!("old = \"{}\"\nname = 'x'\n", aws_key_id()),
    );
    let input = r.input();
    let f = file(&input, "conf.py");
    assert_eq!(f["status"], "modified");
    assert_eq!(f["added_lines"], 1);
    assert_eq!(input["findings"].as_array().unwrap().len(), 0, "{input:#}");
}

#[test]
fn nothing_staged_says_so_and_passes() {
    let r = Repo::new();
    let run = r.charter(&["pre-commit"]);
    assert_eq!(run.code, 0, "{}", run.all());
    // Said once, in the summary line.
    assert_eq!(
        run.all().matches("nothing staged").count(),
        1,
        "{}",
        run.all()
    );
    assert!(
        run.stdout.contains("passed · nothing staged"),
        "{}",
        run.all()
    );
}

#[test]
fn empty_repository_first_commit_works() {
    let r = Repo::new();
    r.add("README.md", "hello\n");
    let input = r.input();
    assert_eq!(input["repo"]["head"], serde_json::Value::Null);
    assert_eq!(input["repo"]["branch"], "main");
    assert_eq!(file(&input, "README.md")["status"], "added");
}

#[test]
fn staged_deletion_and_rename_are_reported() {
    let r = Repo::new();
    r.add("gone.txt", "a\nb\nc\n");
    r.add(
        "old/name.rs",
        "fn main() {\n    println!(\"a fairly long line so rename detection has content\");\n}\n",
    );
    r.commit("init");
    r.git(&["rm", "-q", "gone.txt"]);
    std::fs::create_dir_all(r.path().join("new")).unwrap();
    r.git(&["mv", "old/name.rs", "new/name.rs"]);
    let input = r.input();
    let gone = file(&input, "gone.txt");
    assert_eq!(gone["status"], "deleted");
    assert_eq!(gone["removed_lines"], 3);
    let renamed = file(&input, "new/name.rs");
    assert_eq!(renamed["status"], "renamed");
    assert_eq!(renamed["old_path"], "old/name.rs");
    assert_eq!(renamed["added_lines"], 0);
}

#[test]
fn binary_and_large_files_are_skipped_and_counted() {
    let r = Repo::new();
    let mut bin = vec![0u8, 1, 2, 3];
    bin.extend(aws_key_id().as_bytes());
    r.add("img.png", &bin);
    r.write(".charter/charter.yaml", "limits:\n  max_file_size: 100\n");
    r.add(
        "big.txt",
        format!("key = \"{}\"\n", aws_key_id()).repeat(10),
    );
    let input = r.input();
    assert_eq!(file(&input, "img.png")["skipped"], "binary");
    assert_eq!(file(&input, "img.png")["binary"], true);
    assert_eq!(file(&input, "big.txt")["skipped"], "too-large");
    assert_eq!(input["stats"]["skipped_binary"], 1);
    assert_eq!(input["stats"]["skipped_large"], 1);
    let run = r.charter(&["pre-commit"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout.contains("skipped 1 binary, 1 too large"),
        "{}",
        run.stdout
    );
}

#[test]
fn invalid_utf8_and_crlf_files_are_scanned() {
    let r = Repo::new();
    let mut content = b"caf\xe9 = 1\r\n".to_vec();
    content.extend(format!("key = \"{}\"\r\n", aws_key_id()).as_bytes());
    r.add("latin1.py", &content);
    let input = r.input();
    let f = file(&input, "latin1.py");
    assert_eq!(f["added_lines"], 2);
    let findings = f["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{input:#}");
    assert_eq!(findings[0]["line"], 2);
}

#[test]
fn odd_paths_with_spaces_and_non_ascii() {
    let r = Repo::new();
    r.add(
        "dir with space/naïve – ü.py",
        format!("k = \"{}\"\n", aws_key_id()),
    );
    let input = r.input();
    let f = file(&input, "dir with space/naïve – ü.py");
    assert_eq!(f["findings"].as_array().unwrap().len(), 1);
    let run = r.charter(&["pre-commit"]);
    assert!(
        run.stdout.contains("dir with space/naïve – ü.py"),
        "{}",
        run.stdout
    );
}

#[cfg(unix)]
#[test]
fn symlink_is_skipped_not_followed() {
    let r = Repo::new();
    r.write("secret.txt", format!("{}\n", aws_key_id()));
    std::os::unix::fs::symlink("/etc/passwd", r.path().join("link")).unwrap();
    r.git(&["add", "link"]);
    let input = r.input();
    assert_eq!(file(&input, "link")["skipped"], "symlink");
}

#[test]
fn submodule_entry_is_skipped() {
    let sub = Repo::new();
    sub.add("x", "x\n");
    sub.commit("sub");
    let r = Repo::new();
    let out = git_in(
        r.path(),
        &[
            "-c",
            "protocol.file.allow=always",
            "submodule",
            "add",
            "-q",
            sub.path().to_str().unwrap(),
            "vendor/sub",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let input = r.input();
    assert_eq!(file(&input, "vendor/sub")["skipped"], "submodule");
    assert_eq!(r.charter(&["pre-commit"]).code, 0);
}

/// Concluding a merge, the hook judges what the merge itself introduces (lines new to every
/// parent), as `ci` judges the merge commit: the side branch's commits are judged on their own.
#[test]
fn merge_in_progress_is_judged_on_what_it_introduces() {
    let r = Repo::new();
    r.add("a.txt", "base\n");
    r.add("conf.py", "x = 0\n");
    r.commit("base");
    r.git(&["checkout", "-q", "-b", "side"]);
    r.add("side.py", format!("k = \"{}\"\n", aws_key_id()));
    r.add("conf.py", "x = 1\n");
    r.commit("side");
    r.git(&["checkout", "-q", "main"]);
    r.add("conf.py", "x = 2\n");
    r.commit("main");
    // conf.py conflicts; side.py merges cleanly.
    let out = git_in(r.path(), &["merge", "--no-ff", "--no-commit", "-q", "side"]);
    assert!(!out.status.success(), "a conflict was expected");
    r.add("conf.py", "x = 3\n");
    let input = r.input();
    assert_eq!(input["repo"]["merge"], true);
    let paths: Vec<&str> = input["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        ["conf.py"],
        "only the resolution is the merge's own: {input:#}"
    );
    assert_eq!(r.charter(&["pre-commit"]).code, 0);
    // A key pasted into the resolution is the merge's own and is caught.
    r.add("conf.py", format!("x = 3\nk = \"{}\"\n", aws_key_id()));
    assert_eq!(r.charter(&["pre-commit"]).code, 1);
}

#[test]
fn detached_head_works() {
    let r = Repo::new();
    r.add("a.txt", "a\n");
    r.commit("a");
    r.git(&["checkout", "-q", "--detach"]);
    r.add("b.txt", "b\n");
    let input = r.input();
    assert_eq!(input["repo"]["branch"], serde_json::Value::Null);
    assert!(input["repo"]["head"].is_string());
}

#[test]
fn not_a_repository_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_in(dir.path(), &["pre-commit"]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(
        run.stderr.contains("not a git repository"),
        "{}",
        run.stderr
    );
}

#[test]
fn bare_repository_is_a_clear_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        git_in(dir.path(), &["init", "-q", "--bare"])
            .status
            .success()
    );
    let run = run_in(dir.path(), &["pre-commit"]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("bare repository"), "{}", run.stderr);
}

#[test]
fn charter_error_names_file_line_and_exits_3() {
    let r = Repo::new();
    r.write(
        ".charter/charter.yaml",
        "version: 1\nlimits:\n  max_file_sise: 10\n",
    );
    r.add("a.txt", "a\n");
    let run = r.charter(&["pre-commit"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(
        run.stderr.contains(".charter/charter.yaml:3:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("max_file_sise"), "{}", run.stderr);
}

#[test]
fn policy_parse_error_names_file_line_and_column_and_exits_3() {
    let r = Repo::new();
    r.write(
        ".charter/policies/broken.rego",
        "package team.broken\n\ndeny contains msg if {\n  msg := \n}\n",
    );
    r.add("a.txt", "a\n");
    let run = r.charter(&["pre-commit"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(run.stderr.contains("broken.rego:"), "{}", run.stderr);
    assert!(
        run.stderr
            .lines()
            .any(|l| l.contains("broken.rego:4:") || l.contains("broken.rego:5:")),
        "line and column expected: {}",
        run.stderr
    );
}

#[test]
fn policy_with_unknown_function_fails_at_evaluation_with_exit_3() {
    let r = Repo::new();
    r.write(
        ".charter/policies/unknown.rego",
        "package team.unknown\n\ndeny contains msg if {\n  some f in input.files\n  msg := no_such_function(f.path)\n}\n",
    );
    r.add("a.txt", "a\n");
    let run = r.charter(&["pre-commit"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(run.stderr.contains("unknown.rego"), "{}", run.stderr);
}

#[test]
fn policy_that_runs_too_long_is_stopped() {
    let r = Repo::new();
    r.write(
        ".charter/charter.yaml",
        "limits:\n  policy_timeout_ms: 200\n",
    );
    r.write(
        ".charter/policies/slow.rego",
        "package team.slow\n\ndeny contains msg if {\n  n := count([x | some x in numbers.range(1, 100000000); x % 7 == 0])\n  n < 0\n  msg := \"never\"\n}\n",
    );
    r.add("a.txt", "a\n");
    let started = std::time::Instant::now();
    let run = r.charter(&["pre-commit"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(
        started.elapsed().as_secs() < 30,
        "the limit did not stop the policy in time"
    );
}

/// `deny := false` and `deny := {}` each produced a denial; a boolean `deny` that holds is one.
#[test]
fn deny_false_or_an_empty_object_is_not_a_denial_and_deny_true_is_one() {
    let meta = "# METADATA\n# title: Team rule\n# description: d\n# custom:\n#   id: TEAM-B-001\n#   severity: low\n#   remediation: r\n";
    for (body, code) in [
        ("deny := false\n", 0),
        ("deny := {}\n", 0),
        ("deny := []\n", 0),
        ("deny := true\n", 1),
        ("deny if {\n  count(input.files) > 0\n}\n", 1),
    ] {
        let r = Repo::new();
        r.write(
            ".charter/policies/b.rego",
            format!("{meta}package team.b\n\n{body}"),
        );
        r.add("a.txt", "a\n");
        let run = r.charter(&["pre-commit"]);
        assert_eq!(run.code, code, "{body}: {}", run.all());
        if code == 1 {
            assert!(
                run.stdout.contains("TEAM-B-001") && run.stdout.contains("Team rule"),
                "{body}: {}",
                run.stdout
            );
        }
    }
}

#[test]
fn team_policy_can_deny_with_plain_string_and_warn_with_object() {
    let r = Repo::new();
    r.write(
        ".charter/policies/team.rego",
        "# METADATA\n# title: No TODO files\n# description: d\n# custom:\n#   id: TEAM-TODO-001\n#   severity: low\n#   remediation: Rename it.\npackage team.todo\n\ndeny contains \"TODO.txt must not be committed\" if {\n  some f in input.files\n  f.path == \"TODO.txt\"\n}\n\nwarn contains {\"path\": f.path, \"line\": 1, \"message\": \"markdown file\"} if {\n  some f in input.files\n  endswith(f.path, \".md\")\n}\n",
    );
    r.add("notes.md", "x\n");
    let run = r.charter(&["pre-commit"]);
    assert_eq!(run.code, 0, "warnings do not block: {}", run.all());
    assert!(
        run.stdout.contains("TEAM-TODO-001") && run.stdout.contains("markdown file"),
        "{}",
        run.stdout
    );
    r.add("TODO.txt", "x\n");
    let run = r.charter(&["pre-commit", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.all());
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["verdict"], "denied");
    let deny = v["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["level"] == "deny")
        .unwrap();
    assert_eq!(deny["policy_id"], "TEAM-TODO-001");
    assert_eq!(deny["message"], "TODO.txt must not be committed");
    assert_eq!(deny["remediation"], "Rename it.");
}

#[test]
fn json_output_carries_the_same_content_as_console() {
    let r = Repo::new();
    r.add("k.py", format!("k = \"{}\"\n", aws_key_id()));
    let run = r.charter(&["pre-commit", "--format", "json"]);
    assert_eq!(run.code, 1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let viol = v["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["policy_id"] == "CH-SECRET-001")
        .expect("the secret violation");
    assert_eq!(viol["path"], "k.py");
    assert_eq!(viol["line"], 1);
    assert!(viol["remediation"].as_str().unwrap().contains("rotate"));
    assert!(!run.stdout.contains(&aws_key_id()));
}

#[test]
fn colour_follows_no_color_clicolor_force_and_flag() {
    let r = Repo::new();
    r.add("k.py", format!("k = \"{}\"\n", aws_key_id()));
    let plain = r.charter(&["pre-commit"]);
    assert!(
        !plain.stdout.contains('\x1b'),
        "not a terminal and NO_COLOR: no colour"
    );
    let forced = std::process::Command::new(BIN)
        .arg("pre-commit")
        .current_dir(r.path())
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&forced.stdout).contains('\x1b'),
        "CLICOLOR_FORCE forces colour"
    );
    let both = std::process::Command::new(BIN)
        .arg("pre-commit")
        .current_dir(r.path())
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(
        !String::from_utf8_lossy(&both.stdout).contains('\x1b'),
        "NO_COLOR wins"
    );
    let flag = r.charter(&["pre-commit", "--color", "always"]);
    assert!(flag.stdout.contains('\x1b'), "--color always");
}

#[test]
fn hook_never_changes_index_or_work_tree() {
    let r = Repo::new();
    r.add("a.py", format!("k = \"{}\"\n", aws_key_id()));
    r.write("a.py", "unstaged edit\n");
    let before_index = std::fs::read(r.path().join(".git/index")).unwrap();
    let before_status = r.git(&["status", "--porcelain=v1"]);
    let _ = r.charter(&["pre-commit"]);
    assert_eq!(
        std::fs::read(r.path().join(".git/index")).unwrap(),
        before_index
    );
    assert_eq!(r.git(&["status", "--porcelain=v1"]), before_status);
    assert_eq!(
        std::fs::read_to_string(r.path().join("a.py")).unwrap(),
        "unstaged edit\n"
    );
}

#[test]
fn unknown_subcommand_is_usage_error_2() {
    let r = Repo::new();
    assert_eq!(r.charter(&["no-such-command"]).code, 2);
}

/// Regression: `git commit -a` and `git commit <path>` commit a temporary index named in
/// GIT_INDEX_FILE; the hooks judged `.git/index` and let the change through.
#[test]
fn commit_all_and_commit_paths_are_judged_through_native_hooks() {
    let r = Repo::new();
    r.add("app.py", "x = 1\n");
    r.commit("base");
    let run = r.charter(&["install", "--hook", "pre-commit"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let commit = |args: &[&str]| r.git_with_hooks(args);
    r.write("app.py", format!("x = 1\nkey = \"{}\"\n", aws_key_id()));
    let out = commit(&["commit", "-q", "-a", "-m", "leak via -a"]);
    assert!(
        !out.status.success(),
        "git commit -a must be rejected: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    // git sends a hook's output to its stderr.
    assert!(String::from_utf8_lossy(&out.stderr).contains("CH-SECRET-001"));
    let out = commit(&["commit", "-q", "-m", "leak via path", "app.py"]);
    assert!(!out.status.success(), "git commit <path> must be rejected");
    r.write("app.py", "x = 2\n");
    let out = commit(&["commit", "-q", "-a", "-m", "clean via -a"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Regression: escape sequences in a staged file name reached the terminal raw.
#[test]
fn control_characters_in_paths_are_escaped_on_the_console() {
    let r = Repo::new();
    let name = "a\u{1b}[2J\u{1b}]0;pwned\u{7}.py";
    r.add(name, format!("k = \"{}\"\n", aws_key_id()));
    let run = r.charter(&["pre-commit"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(!run.stdout.contains('\u{1b}'), "{:?}", run.stdout);
    assert!(run.stdout.contains("\\u{1b}[2J"), "{}", run.stdout);
}

#[test]
fn unknown_policy_id_in_disable_and_duplicate_ids_are_config_errors() {
    let r = Repo::new();
    r.add("a.txt", "a\n");
    r.write(
        ".charter/charter.yaml",
        "policies:\n  disable: [CH-SECRET-00]\n",
    );
    let run = r.charter(&["pre-commit"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(run.stderr.contains("CH-SECRET-00"), "{}", run.stderr);
    r.write(
        ".charter/charter.yaml",
        "policies:\n  disable: [CH-SECRET-001]\n",
    );
    assert_eq!(r.charter(&["pre-commit"]).code, 0);
    r.write(
        ".charter/policies/mine.rego",
        "# METADATA\n# title: t\n# custom:\n#   id: CH-SECRET-001\npackage team.mine\n\ndeny contains \"x\" if { false }\n",
    );
    let run = r.charter(&["pre-commit"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(run.stderr.contains("already used"), "{}", run.stderr);
}

/// Regression: reviewers whose names contain an AI tool's name (issue 4's hard negatives) were not counted.
#[test]
fn people_named_like_ai_tools_count_as_reviewers() {
    let r = Repo::new();
    r.write(
        ".charter/charter.yaml",
        "tiers:\n  critical:\n    paths: [\"src/auth/**\"]\n    ai: review\n    review:\n      trailers: [Reviewed-by]\n      count: 2\n      always: true\n",
    );
    r.add(
        "src/auth/login.py",
        "def login(user):\n    return user.ok\n",
    );
    let msg = r.write(
        "MSG",
        "Add login\n\nReviewed-by: Jean-Claude Martin <jc@acme.com>\nReviewed-by: Devin Smith <devin@acme.com>\n",
    );
    let run = r.charter(&["commit-msg", msg.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.all());
    let msg = r.write(
        "MSG",
        "Add login\n\nReviewed-by: Claude <noreply@anthropic.com>\nReviewed-by: Devin Smith <devin@acme.com>\n",
    );
    let run = r.charter(&["commit-msg", msg.to_str().unwrap()]);
    assert_eq!(run.code, 1, "an AI reviewer does not count: {}", run.all());
}

/// `git commit --amend` makes a new commit from HEAD's parent: the hook judges that whole commit,
/// as `ci` will, not only what was staged on top of HEAD.
#[test]
fn amend_is_judged_against_the_parent_of_head_like_ci() {
    let r = Repo::new();
    r.add("a.txt", "a\n");
    r.commit("base");
    r.add("k.py", format!("k = \"{}\"\n", aws_key_id()));
    r.commit("key committed with --no-verify");
    let run = r.charter(&["install", "--hook", "pre-commit"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let out = r.git_with_hooks(&["commit", "-q", "--amend", "-m", "reword only"]);
    assert!(
        !out.status.success(),
        "the amended commit still carries the key"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("CH-SECRET-001"));
    // And ci says the same of that commit.
    let run = r.charter(&["ci", "--range", "HEAD~1..HEAD"]);
    assert_eq!(run.code, 1, "{}", run.all());
}

/// Regression: a recursive function in a team policy overflowed regorus's stack (SIGABRT).
#[test]
fn recursive_policy_function_is_a_policy_error_not_a_crash() {
    let r = Repo::new();
    r.write(
        ".charter/policies/t.rego",
        "package team.t\n\nf(n) := x if {\n\tx := f(n)\n}\n\ndeny contains \"x\" if { f(1) == 1 }\n",
    );
    r.add("a.txt", "a\n");
    let run = r.charter(&["pre-commit"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(run.stderr.contains("t.rego:3"), "{}", run.stderr);
    assert!(run.stderr.contains("calls itself"), "{}", run.stderr);
}

/// UTF-16 files (PowerShell writes them, BOM first) are text: a secret in one is found on its line.
#[test]
fn utf16_files_are_decoded_and_scanned() {
    let r = Repo::new();
    let text = format!("Write-Host 'hi'\r\n$key = \"{}\"\r\n", aws_key_id());
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    r.add("deploy.ps1", &bytes);
    let input = r.input();
    let f = file(&input, "deploy.ps1");
    assert_eq!(f["skipped"], serde_json::Value::Null, "{input:#}");
    let findings = f["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{input:#}");
    assert_eq!(findings[0]["line"], 2);
    // A modification is diffed as text too.
    r.commit("ps1");
    let text2 = format!("{text}Write-Host 'more'\r\n");
    let mut bytes2 = vec![0xFF, 0xFE];
    for u in text2.encode_utf16() {
        bytes2.extend(u.to_le_bytes());
    }
    r.add("deploy.ps1", &bytes2);
    let input = r.input();
    let f = file(&input, "deploy.ps1");
    assert_eq!(f["added_lines"], 1, "{input:#}");
    assert_eq!(f["findings"].as_array().unwrap().len(), 0);
    // And `scan` reads it.
    let run = r.charter(&["scan"]);
    assert_eq!(run.code, 1, "{}", run.all());
}

/// A GIT_INDEX_FILE naming a missing file was opened as an empty index, so the commit passed.
#[test]
fn a_missing_git_index_file_is_an_error_not_an_empty_commit() {
    let r = Repo::new();
    r.add("config.env", format!("KEY={}\n", aws_key_id()));
    let missing = r.path().join("no-such-index");
    let out = std::process::Command::new(BIN)
        .arg("pre-commit")
        .current_dir(r.path())
        .env("GIT_INDEX_FILE", &missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("GIT_INDEX_FILE") && err.contains("does not exist"),
        "{err}"
    );
    // The repository's own index, named explicitly, is judged as usual.
    let out = std::process::Command::new(BIN)
        .arg("pre-commit")
        .current_dir(r.path())
        .env("GIT_INDEX_FILE", r.path().join(".git/index"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
}

/// `bulk.exclude_paths` is matched by git-charter (the fact `bulk_excluded`) with the charter's glob
/// semantics, where CH-BULK-001 used to call `glob.match` per file and glob: 5,000 staged files took
/// the policy 3.2 s, past the 2 s budget (exit 3). A leading `**/` matches no directory too.
#[test]
fn bulk_exclude_paths_are_matched_once_per_path_and_not_counted() {
    let r = Repo::new();
    r.write(
        ".charter/charter.yaml",
        "version: 1\nbulk:\n  when: always\n  max_files: 2\n  exclude_paths: [\"**/vendor/**\", \"gen/**\"]\n",
    );
    for p in ["src/a.rs", "vendor/x/b.go", "lib/vendor/c.go", "gen/d.rs"] {
        r.add(p, "x\n");
    }
    let input = r.input();
    for (p, excluded) in [
        ("src/a.rs", false),
        ("vendor/x/b.go", true),
        ("lib/vendor/c.go", true),
        ("gen/d.rs", true),
    ] {
        assert_eq!(
            file(&input, p)["bulk_excluded"].as_bool().unwrap_or(false),
            excluded,
            "{p}"
        );
    }
    let run = r.charter(&["pre-commit"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(!run.stdout.contains("CH-BULK-001"), "{}", run.stdout);
    // Three counted files are over the limit of two.
    r.add("src/e.rs", "x\n");
    r.add("src/f.rs", "x\n");
    let run = r.charter(&["pre-commit"]);
    assert!(run.stdout.contains("CH-BULK-001"), "{}", run.all());
    assert!(run.stdout.contains("3 files (limit 2)"), "{}", run.all());
}

/// `policies.disable: [CH-SECRET-001]` switched the secret check off and every hook still said
/// "passed" as if it had run: the hooks and ci now name what the charter switches off.
#[test]
fn checks_the_charter_switches_off_are_named_on_every_run() {
    let r = Repo::new();
    r.write(
        ".charter/charter.yaml",
        "version: 1\npolicies:\n  disable: [CH-SECRET-001]\n  warn_only: [CH-BULK-001]\n",
    );
    r.add("a.py", format!("k = \"{}\"\n", aws_key_id()));
    let run = r.charter(&["pre-commit"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stderr.contains(
            "switched off by the charter: CH-SECRET-001 (policies.disable), CH-BULK-001 denials only warn (policies.warn_only)"
        ),
        "{}",
        run.all()
    );
    let json = r.charter(&["pre-commit", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(doc["switched_off"][0], "CH-SECRET-001 (policies.disable)");
    // Nothing switched off, nothing said.
    let clean = Repo::new();
    clean.add("a.txt", "a\n");
    let run = clean.charter(&["pre-commit"]);
    assert!(!run.stderr.contains("switched off"), "{}", run.all());
}
