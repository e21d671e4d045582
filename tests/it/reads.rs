//! Repository files are read safely: the charter, the baseline, team policies and the gitleaks
//! config the charter names are read only as regular files (blobs) inside the repository, size
//! capped, never through a symbolic link, a submodule, a device or a FIFO. Each refusal is exit 3
//! naming the file, within seconds, never a hang and never the file's content.
#![cfg(unix)]

use crate::common::{BIN, Repo, Run};
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs the binary with a deadline: a refusal must come quickly, a hang fails the test (the
/// child is killed) instead of blocking the suite.
fn run_within(dir: &Path, args: &[&str], limit: Duration) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("NO_COLOR", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if start.elapsed() > limit {
            child.kill().expect("kill");
            let _ = child.wait();
            panic!("git-charter {args:?} still running after {limit:?} (hang)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("output");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const QUICK: Duration = Duration::from_secs(20);

fn staged_repo() -> Repo {
    let r = Repo::new();
    r.add("a.txt", "hello\n");
    r
}

fn mkfifo(path: &Path) {
    let st = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(st.success(), "mkfifo failed");
}

fn assert_refused(run: &Run, file: &str, what: &str) {
    assert_eq!(run.code, 3, "expected a configuration error: {}", run.all());
    assert!(
        run.stderr.contains(file) && run.stderr.contains(what),
        "the error names {file} and says {what}: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("regular files"),
        "the error says why: {}",
        run.stderr
    );
}

#[test]
fn a_charter_symlinked_to_dev_zero_is_refused_not_read_until_memory_runs_out() {
    let r = staged_repo();
    std::fs::create_dir_all(r.path().join(".charter")).unwrap();
    symlink("/dev/zero", r.path().join(".charter/charter.yaml")).unwrap();
    let run = run_within(r.path(), &["pre-commit"], QUICK);
    assert_refused(&run, "charter.yaml", "symbolic link");
}

#[test]
fn a_charter_symlinked_to_a_regular_file_is_refused_too() {
    let r = staged_repo();
    r.write("elsewhere.yaml", "version: 1\n");
    std::fs::create_dir_all(r.path().join(".charter")).unwrap();
    symlink("../elsewhere.yaml", r.path().join(".charter/charter.yaml")).unwrap();
    let run = run_within(r.path(), &["pre-commit"], QUICK);
    assert_refused(&run, "charter.yaml", "symbolic link");
}

#[test]
fn a_charter_that_is_a_fifo_is_refused_not_waited_on_forever() {
    let r = staged_repo();
    std::fs::create_dir_all(r.path().join(".charter")).unwrap();
    mkfifo(&r.path().join(".charter/charter.yaml"));
    let run = run_within(r.path(), &["pre-commit"], QUICK);
    assert_refused(&run, "charter.yaml", "a FIFO");
}

#[test]
fn a_charter_directory_reached_through_a_symlink_is_refused() {
    let r = staged_repo();
    r.write("real/charter.yaml", "version: 1\n");
    symlink("real", r.path().join(".charter")).unwrap();
    let run = run_within(r.path(), &["pre-commit"], QUICK);
    assert_refused(&run, "charter.yaml", "reached through a symbolic link");
}

#[test]
fn a_charter_over_the_size_limit_is_refused_without_reading_it_all() {
    let r = staged_repo();
    let f = std::fs::File::create(r.path().join(".charter-big")).unwrap();
    // Sparse: 1 GiB on paper, nothing on disk.
    f.set_len(1 << 30).unwrap();
    std::fs::create_dir_all(r.path().join(".charter")).unwrap();
    std::fs::rename(
        r.path().join(".charter-big"),
        r.path().join(".charter/charter.yaml"),
    )
    .unwrap();
    let run = run_within(r.path(), &["pre-commit"], QUICK);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(
        run.stderr.contains("charter.yaml") && run.stderr.contains("over the limit"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_baseline_symlinked_to_dev_zero_or_a_fifo_is_refused() {
    for fifo in [false, true] {
        let r = staged_repo();
        std::fs::create_dir_all(r.path().join(".charter")).unwrap();
        let b = r.path().join(".charter/baseline.json");
        if fifo {
            mkfifo(&b);
        } else {
            symlink("/dev/zero", &b).unwrap();
        }
        let run = run_within(r.path(), &["pre-commit"], QUICK);
        let what = if fifo { "a FIFO" } else { "symbolic link" };
        assert_refused(&run, "baseline.json", what);
    }
}

#[test]
fn policy_directories_linked_to_themselves_are_refused_not_walked_exponentially() {
    let r = staged_repo();
    let p = r.path().join(".charter/policies");
    std::fs::create_dir_all(&p).unwrap();
    symlink(".", p.join("a")).unwrap();
    symlink(".", p.join("b")).unwrap();
    for args in [
        &["pre-commit"][..],
        &["policy", "list"],
        &["policy", "check", ".charter/policies"],
    ] {
        let run = run_within(r.path(), args, QUICK);
        assert_ne!(run.code, 0, "{args:?}: {}", run.all());
        assert!(
            run.stderr.contains("symbolic link"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_policy_symlinked_to_dev_zero_or_a_fifo_is_refused() {
    for fifo in [false, true] {
        let r = staged_repo();
        let p = r.path().join(".charter/policies");
        std::fs::create_dir_all(&p).unwrap();
        if fifo {
            mkfifo(&p.join("x.rego"));
        } else {
            symlink("/dev/zero", p.join("x.rego")).unwrap();
        }
        let run = run_within(r.path(), &["pre-commit"], QUICK);
        let what = if fifo { "a FIFO" } else { "symbolic link" };
        assert_refused(&run, "x.rego", what);
    }
}

#[test]
fn gitleaks_config_outside_the_repository_is_refused_and_never_echoed() {
    let r = staged_repo();
    // A file outside the repository whose first line must never reach any output.
    let outside = tempfile::tempdir().unwrap();
    let marker = "outside-first-line-7f3a";
    std::fs::write(outside.path().join("leak.toml"), format!("{marker}\n")).unwrap();
    let depth = r.path().components().count() + 2;
    let up = "../".repeat(depth);
    let rel = format!("{up}{}", outside.path().join("leak.toml").display()).replace("//", "/");
    for path in [rel.as_str(), "../../../../etc/passwd", "/etc/passwd"] {
        r.write(
            ".charter/charter.yaml",
            format!("version: 1\nsecrets:\n  gitleaks_config: '{path}'\n"),
        );
        let run = run_within(r.path(), &["pre-commit"], QUICK);
        assert_eq!(run.code, 3, "{path}: {}", run.all());
        assert!(
            run.stderr.contains("secrets.gitleaks_config")
                && run.stderr.contains("not a path inside the repository"),
            "{path}: {}",
            run.stderr
        );
        assert!(!run.all().contains(marker), "{path}: {}", run.all());
        assert!(!run.all().contains("root:"), "{path}: {}", run.all());
    }
}

#[test]
fn gitleaks_config_symlinked_to_dev_zero_is_refused() {
    let r = staged_repo();
    symlink("/dev/zero", r.path().join("gitleaks.toml")).unwrap();
    r.write(
        ".charter/charter.yaml",
        "version: 1\nsecrets:\n  gitleaks_config: gitleaks.toml\n",
    );
    let run = run_within(r.path(), &["pre-commit"], QUICK);
    assert_refused(&run, "gitleaks.toml", "symbolic link");
    assert!(
        run.stderr.contains("secrets.gitleaks_config"),
        "{}",
        run.stderr
    );
}

/// Commits a symbolic link (git stores its target as a blob of mode 120000).
fn commit_links(r: &Repo, links: &[(&str, &str)], msg: &str) {
    for (path, target) in links {
        let p = r.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        let _ = std::fs::remove_file(&p);
        symlink(target, &p).unwrap();
        r.git(&["add", "--", path]);
    }
    r.commit(msg);
}

#[test]
fn ci_refuses_a_committed_charter_symlink_instead_of_following_it() {
    let r = Repo::new();
    r.add("a.txt", "one\n");
    // The target exists in the tree too: a link must not be followed even to a good file.
    r.add("good.yaml", "version: 1\n");
    commit_links(&r, &[(".charter/charter.yaml", "../good.yaml")], "base");
    r.add("a.txt", "two\n");
    r.commit("change");
    let run = run_within(r.path(), &["ci", "--range", "HEAD~1..HEAD"], QUICK);
    assert_refused(&run, ".charter/charter.yaml", "symbolic link");
}

#[test]
fn ci_refuses_committed_policy_links_and_a_linked_charter_directory() {
    // policies/{a,b} -> . in a commit's tree, and `.charter` itself a link.
    for (links, file, what) in [
        (
            vec![(".charter/policies/a", "."), (".charter/policies/b", ".")],
            ".charter/policies/a",
            "symbolic link",
        ),
        (
            vec![(".charter", "real")],
            ".charter",
            "reached through a symbolic link",
        ),
        (
            vec![(".charter/baseline.json", "/dev/zero")],
            ".charter/baseline.json",
            "symbolic link",
        ),
    ] {
        let r = Repo::new();
        r.add("a.txt", "one\n");
        r.add("real/charter.yaml", "version: 1\n");
        commit_links(&r, &links, "base");
        r.add("a.txt", "two\n");
        r.commit("change");
        let run = run_within(r.path(), &["ci", "--range", "HEAD~1..HEAD"], QUICK);
        assert_refused(&run, file, what);
    }
}

#[test]
fn ci_refuses_a_gitleaks_config_outside_the_repository() {
    let r = Repo::new();
    r.add(
        ".charter/charter.yaml",
        "version: 1\nsecrets:\n  gitleaks_config: ../../../../etc/passwd\n",
    );
    r.add("a.txt", "one\n");
    r.commit("base");
    r.add("a.txt", "two\n");
    r.commit("change");
    let run = run_within(r.path(), &["ci", "--range", "HEAD~1..HEAD"], QUICK);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(
        run.stderr.contains("not a path inside the repository"),
        "{}",
        run.stderr
    );
    assert!(!run.all().contains("root:"), "{}", run.all());
}

#[test]
fn regular_charter_files_still_load_from_the_work_tree_and_from_a_commit() {
    let r = Repo::new();
    r.add(
        ".charter/charter.yaml",
        "version: 1\nlimits:\n  max_file_size: 4096\n",
    );
    r.add(
        ".charter/policies/team/extra.rego",
        "# METADATA\n# title: Extra\n# description: d\n# custom:\n#   id: TEAM-001\n#   severity: low\n#   remediation: r\n#   stages: [pre-commit]\npackage team.extra\n\ndeny contains v if {\n  false\n  v := {}\n}\n",
    );
    r.add("a.txt", "one\n");
    r.commit("base");
    let list = run_within(r.path(), &["policy", "list"], QUICK);
    assert_eq!(list.code, 0, "{}", list.all());
    assert!(list.stdout.contains("TEAM-001"), "{}", list.stdout);
    r.add("a.txt", "two\n");
    let pre = run_within(r.path(), &["pre-commit"], QUICK);
    assert_eq!(pre.code, 0, "{}", pre.all());
    r.commit("change");
    let ci = run_within(r.path(), &["ci", "--range", "HEAD~1..HEAD"], QUICK);
    assert_eq!(ci.code, 0, "{}", ci.all());
}

fn add_many(r: &Repo, n: usize) {
    for i in 0..n {
        r.write(
            &format!("many/d{}/f{i}.txt", i / 500),
            format!("line {i}\n"),
        );
    }
    r.git(&["add", "-A", "--", "many"]);
}

/// 50,000 staged files made the built-in bulk policy run over its budget, reported as exit 3
/// "configuration broken". A change over `limits.max_files` is now exit 2, "too large to judge",
/// before any policy runs; the default limit applies without a charter.
#[test]
fn too_many_staged_files_are_too_large_to_judge_not_a_broken_configuration() {
    let r = Repo::new();
    add_many(&r, 2001);
    let run = run_within(r.path(), &["pre-commit"], Duration::from_secs(60));
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(
        run.stderr.contains("too large to judge")
            && run.stderr.contains("2001 files")
            && run.stderr.contains("limits.max_files (2000)"),
        "{}",
        run.stderr
    );
    // Raised in the charter, the same change is judged.
    r.add(
        ".charter/charter.yaml",
        "version: 1\nlimits:\n  max_files: 3000\n  policy_timeout_ms: 60000\n",
    );
    let run = run_within(r.path(), &["pre-commit"], Duration::from_secs(120));
    assert!(run.code == 0 || run.code == 1, "{}", run.all());
}

#[test]
fn ci_reports_a_commit_over_max_files_as_too_large_to_judge() {
    let r = Repo::new();
    r.add(
        ".charter/charter.yaml",
        "version: 1\nlimits:\n  max_files: 5\n",
    );
    r.add("a.txt", "one\n");
    r.commit("base");
    add_many(&r, 6);
    r.commit("six files");
    let run = run_within(r.path(), &["ci", "--range", "HEAD~1..HEAD"], QUICK);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(
        run.stderr.contains("too large to judge: commit ")
            && run.stderr.contains("6 files")
            && run.stderr.contains("limits.max_files (5)"),
        "{}",
        run.stderr
    );
    // At the limit it is judged.
    r.git(&["rm", "-q", "--", "many/d0/f0.txt"]);
    r.commit("one fewer");
    let run = run_within(r.path(), &["ci", "--range", "HEAD~1..HEAD"], QUICK);
    assert_eq!(run.code, 0, "{}", run.all());
}

/// Errors raised after the team charter is layered over the default (by the detectors, the policy
/// loader, the whole-charter checks) carried the file but no line.
#[test]
fn errors_raised_after_layering_name_the_file_and_line() {
    for (charter, line, key) in [
        (
            "version: 1\npolicies:\n  disable:\n    - CH-SECRET-001\n    - NOPE-999\n",
            5,
            "policies.disable",
        ),
        (
            "version: 1\ninsecure:\n  rules:\n    no-such-pattern: deny\n",
            4,
            "insecure.rules",
        ),
        (
            "version: 1\nclasses:\n  weak:\n    min_score: 1\n    yield_to: [strnog]\n",
            5,
            "classes.weak.yield_to",
        ),
        (
            "version: 1\nsecrets:\n  disable: [no-such-rule]\n",
            3,
            "disable",
        ),
    ] {
        let r = staged_repo();
        r.write(".charter/charter.yaml", charter);
        let run = run_within(r.path(), &["pre-commit"], QUICK);
        assert_eq!(run.code, 3, "{charter}: {}", run.all());
        assert!(
            run.stderr.contains(&format!("charter.yaml:{line}:")) && run.stderr.contains(key),
            "{charter}: {}",
            run.stderr
        );
    }
}

fn many_globs(n: usize, indent: &str) -> String {
    (0..n)
        .map(|i| format!("{indent}- \"**/m{i}*/**\"\n"))
        .collect()
}

/// 20,000 globs failed with "error building NFA" and no line. In tiers and classes they now
/// compile (in several sets); where one set is all a detector takes, the error names the key
/// and its line.
#[test]
fn twenty_thousand_globs_work_or_fail_naming_the_key_and_line() {
    let r = staged_repo();
    r.write(
        ".charter/charter.yaml",
        format!(
            "version: 1\ntiers:\n  critical:\n    paths:\n{}",
            many_globs(20_000, "      ")
        ),
    );
    r.add("x/m19999/f.txt", "hello\n");
    let run = run_within(
        r.path(),
        &["input", "--stage", "pre-commit"],
        Duration::from_secs(120),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let input: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        crate::common::file(&input, "x/m19999/f.txt")["tier"],
        "critical"
    );

    r.write(
        ".charter/charter.yaml",
        format!(
            "version: 1\nsecrets:\n  allow_paths:\n{}",
            many_globs(20_000, "    ")
        ),
    );
    let run = run_within(r.path(), &["pre-commit"], Duration::from_secs(120));
    if run.code != 0 {
        assert_eq!(run.code, 3, "{}", run.all());
        assert!(
            run.stderr.contains("charter.yaml:3:") && run.stderr.contains("allow_paths"),
            "{}",
            run.stderr
        );
    }
}

/// With `limits.too_large: deny` the charter asks for a verdict, not an error: a change over
/// `max_files` is one deny saying "too large to judge" (exit 1), in the hook, in `ci` and as JSON.
#[test]
fn a_charter_asking_for_deny_gets_a_too_large_to_judge_deny_not_an_error() {
    let r = Repo::new();
    r.add(
        ".charter/charter.yaml",
        "version: 1\nlimits:\n  max_files: 5\n  too_large: deny\n",
    );
    r.commit("base");
    add_many(&r, 6);
    let run = run_within(r.path(), &["pre-commit"], QUICK);
    assert_eq!(run.code, 1, "{}", run.all());
    let all = run.all();
    assert!(
        all.contains("CH-LIMIT-001")
            && all.contains("too large to judge: the staged change touches 6 files")
            && all.contains("limits.max_files (5)"),
        "{all}"
    );
    r.commit("six files");
    let run = run_within(
        r.path(),
        &["ci", "--range", "HEAD~1..HEAD", "--format", "json"],
        QUICK,
    );
    assert_eq!(run.code, 1, "{}", run.all());
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let text = json.to_string();
    assert!(
        text.contains("\"CH-LIMIT-001\"") && text.contains("too large to judge: commit "),
        "{text}"
    );
    // Any other value is an error naming its line.
    r.add(
        ".charter/charter.yaml",
        "version: 1\nlimits:\n  too_large: warn\n",
    );
    let run = run_within(r.path(), &["pre-commit"], QUICK);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(
        run.stderr.contains(".charter/charter.yaml:3:"),
        "{}",
        run.stderr
    );
}
