//! `git charter install` / `uninstall` against real temporary repositories, and the shims run by real git.
//! Where a hook must call git-charter, `GIT_CHARTER_BIN` points at a recording script so the test sees
//! exactly what the shim passed (arguments, stdin, order); the real binary is exercised in the CLI tests.

use crate::api::install::{self, Action, Hook, HooksDirError, InstallError, locate};
use crate::common::neutral_git_env;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// git with the caller's environment neutralised: no global or system config, no GIT_DIR leaking in
/// from a hook that runs this test suite, fixed identities.
fn git_cmd(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    neutral_git_env(&mut cmd, dir);
    cmd
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = git_cmd(dir).args(args).output().expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} failed in {}:\n{}{}",
        dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim_end().to_string()
}

fn new_repo(root: &Path) -> PathBuf {
    let repo = root.join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    git(&repo, &["init", "-q", "-b", "main"]);
    repo
}

/// git's own answer to "where do hooks live", the oracle for collect::hooks::locate.
fn git_hooks_dir(dir: &Path) -> PathBuf {
    PathBuf::from(git(
        dir,
        &["rev-parse", "--path-format=absolute", "--git-path", "hooks"],
    ))
}

fn canon(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn write_exec(path: &Path, content: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, content).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn shipped_shim(hook: Hook) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("hooks")
            .join(hook.name()),
    )
    .unwrap()
}

/// A stand-in for the git-charter binary that appends `charter <args>` to `log` (and its stdin to
/// `<log>.stdin` for pre-push), then exits with `status`. It answers `--version` as git-charter does
/// (the shims check that GIT_CHARTER_BIN is git-charter) without logging it.
fn recording_bin(root: &Path, log: &Path, status: i32) -> PathBuf {
    let bin = root.join(format!("fake-git-charter-{status}"));
    write_exec(
        &bin,
        &format!(
            "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'git-charter 0.0.0 (recording stand-in)'; exit 0; fi\necho \"charter $*\" >> '{log}'\nif [ \"$1\" = pre-push ]; then cat >> '{log}.stdin'; fi\nexit {status}\n",
            log = log.display()
        ),
    );
    bin
}

/// A foreign hook that appends `foreign <name> <args>` to `log` (and its stdin for pre-push).
fn foreign_hook(name: &str, log: &Path, status: i32) -> String {
    format!(
        "#!/bin/sh\n# a team's own {name} hook\necho \"foreign {name} $*\" >> '{log}'\nif [ {name} = pre-push ]; then cat >> '{log}.foreign-stdin'; fi\nexit {status}\n",
        log = log.display()
    )
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

fn commit(dir: &Path, bin: &Path, file: &str, message: &str) -> Output {
    std::fs::write(dir.join(file), format!("{file}\n")).unwrap();
    git(dir, &["add", file]);
    git_cmd(dir)
        .env("GIT_CHARTER_BIN", bin)
        .args(["commit", "-q", "-m", message])
        .output()
        .unwrap()
}

fn head_count(dir: &Path) -> usize {
    match git_cmd(dir).args(["rev-list", "--count", "HEAD"]).output() {
        Ok(out) if out.status.success() => {
            String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
        }
        _ => 0,
    }
}

#[test]
fn fresh_install_writes_the_shipped_shims_executable_where_git_looks() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    let actions = install::install(&repo, &Hook::ALL).unwrap();

    let hooks = git_hooks_dir(&repo);
    assert_eq!(actions.len(), 3);
    for (action, hook) in actions.iter().zip(Hook::ALL) {
        let path = hooks.join(hook.name());
        assert_eq!(
            action,
            &Action::Installed {
                hook,
                path: path.clone()
            }
        );
        assert_eq!(std::fs::read(&path).unwrap(), shipped_shim(hook), "{hook}");
        assert_eq!(mode(&path), 0o755, "{hook}");
    }

    // And git runs them: a commit goes through the pre-commit and commit-msg shims in order.
    let log = tmp.path().join("log");
    let out = commit(&repo, &recording_bin(tmp.path(), &log, 0), "a.txt", "first");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // git hands commit-msg the message file relative to the work tree root, where hooks run.
    assert_eq!(
        read(&log),
        "charter pre-commit\ncharter commit-msg .git/COMMIT_EDITMSG\n"
    );
}

#[test]
fn a_failing_charter_check_blocks_the_commit() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    install::install(&repo, &[Hook::PreCommit]).unwrap();
    let log = tmp.path().join("log");
    let out = commit(&repo, &recording_bin(tmp.path(), &log, 1), "a.txt", "first");
    assert!(!out.status.success());
    assert_eq!(head_count(&repo), 0);
    assert_eq!(read(&log), "charter pre-commit\n");
}

#[test]
fn a_foreign_hook_is_chained_runs_first_with_its_arguments_and_its_failure_blocks() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    let hooks = git_hooks_dir(&repo);
    let log = tmp.path().join("log");
    let foreign = foreign_hook("commit-msg", &log, 0);
    write_exec(&hooks.join("commit-msg"), &foreign);

    let actions = install::install(&repo, &[Hook::CommitMsg]).unwrap();
    let previous = hooks.join("commit-msg.charter-previous");
    assert_eq!(
        actions,
        vec![Action::Chained {
            hook: Hook::CommitMsg,
            path: hooks.join("commit-msg"),
            previous: previous.clone(),
        }]
    );
    assert_eq!(read(&previous), foreign);
    assert_eq!(mode(&previous), 0o755);

    let ok = recording_bin(tmp.path(), &log, 0);
    let out = commit(&repo, &ok, "a.txt", "first");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        read(&log),
        "foreign commit-msg .git/COMMIT_EDITMSG\ncharter commit-msg .git/COMMIT_EDITMSG\n"
    );

    // The foreign hook fails: the commit is stopped and git-charter is not even asked.
    write_exec(&previous, &foreign_hook("commit-msg", &log, 7));
    std::fs::remove_file(&log).unwrap();
    let out = commit(&repo, &ok, "b.txt", "second");
    assert!(!out.status.success());
    assert_eq!(head_count(&repo), 1);
    assert_eq!(read(&log), "foreign commit-msg .git/COMMIT_EDITMSG\n");
}

#[test]
fn pre_push_hands_the_same_ref_lines_to_the_chained_hook_and_to_git_charter() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    let remote = tmp.path().join("remote.git");
    git(
        tmp.path(),
        &["init", "-q", "--bare", remote.to_str().unwrap()],
    );
    git(
        &repo,
        &["remote", "add", "origin", remote.to_str().unwrap()],
    );
    git(&repo, &["commit", "-q", "--allow-empty", "-m", "one"]);
    git(&repo, &["branch", "topic"]);

    let hooks = git_hooks_dir(&repo);
    let log = tmp.path().join("log");
    write_exec(&hooks.join("pre-push"), &foreign_hook("pre-push", &log, 0));
    install::install(&repo, &[Hook::PrePush]).unwrap();

    let bin = recording_bin(tmp.path(), &log, 0);
    let out = git_cmd(&repo)
        .env("GIT_CHARTER_BIN", &bin)
        .args(["push", "-q", "origin", "main", "topic"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let url = remote.to_str().unwrap();
    assert_eq!(
        read(&log),
        format!("foreign pre-push origin {url}\ncharter pre-push origin {url}\n")
    );
    let head = git(&repo, &["rev-parse", "HEAD"]);
    let zero = "0".repeat(40);
    let expected = format!(
        "refs/heads/main {head} refs/heads/main {zero}\nrefs/heads/topic {head} refs/heads/topic {zero}\n"
    );
    assert_eq!(read(&log.with_extension("stdin")), expected);
    assert_eq!(
        read(&PathBuf::from(format!("{}.foreign-stdin", log.display()))),
        expected
    );

    // A failing check stops the push.
    git(&repo, &["commit", "-q", "--allow-empty", "-m", "two"]);
    let out = git_cmd(&repo)
        .env("GIT_CHARTER_BIN", recording_bin(tmp.path(), &log, 1))
        .args(["push", "-q", "origin", "main"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_ne!(
        git(&remote, &["rev-parse", "main"]),
        git(&repo, &["rev-parse", "main"])
    );
}

#[test]
fn reinstall_is_idempotent_and_keeps_the_chained_hook() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    let hooks = git_hooks_dir(&repo);
    let foreign = foreign_hook("pre-commit", &tmp.path().join("log"), 0);
    write_exec(&hooks.join("pre-commit"), &foreign);
    install::install(&repo, &Hook::ALL).unwrap();
    let listing = |dir: &Path| {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| !n.ends_with(".sample"))
            .collect();
        names.sort();
        names
    };
    let before = listing(&hooks);

    let again = install::install(&repo, &Hook::ALL).unwrap();
    assert!(
        again
            .iter()
            .all(|a| matches!(a, Action::AlreadyInstalled { .. })),
        "{again:?}"
    );
    assert_eq!(
        again[0],
        Action::AlreadyInstalled {
            hook: Hook::PreCommit,
            path: hooks.join("pre-commit"),
            previous: Some(hooks.join("pre-commit.charter-previous")),
        }
    );
    assert_eq!(listing(&hooks), before);
    assert_eq!(read(&hooks.join("pre-commit.charter-previous")), foreign);
    assert_eq!(
        before,
        [
            "commit-msg",
            "pre-commit",
            "pre-commit.charter-previous",
            "pre-push"
        ]
    );
}

#[test]
fn an_older_shim_is_updated_in_place() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    let hooks = git_hooks_dir(&repo);
    write_exec(
        &hooks.join("pre-commit"),
        "#!/bin/sh\n# git-charter hook v0: pre-commit\nexec git-charter pre-commit\n",
    );
    let actions = install::install(&repo, &[Hook::PreCommit]).unwrap();
    assert_eq!(
        actions,
        vec![Action::Updated {
            hook: Hook::PreCommit,
            path: hooks.join("pre-commit")
        }]
    );
    assert_eq!(
        std::fs::read(hooks.join("pre-commit")).unwrap(),
        shipped_shim(Hook::PreCommit)
    );
    assert!(!hooks.join("pre-commit.charter-previous").exists());
}

#[test]
fn uninstall_restores_the_foreign_hook_byte_for_byte_and_removes_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    let hooks = git_hooks_dir(&repo);
    // Bytes a text round-trip would mangle: CRLF, invalid UTF-8, no final newline; and an odd mode.
    let foreign: &[u8] = b"#!/bin/sh\r\necho \xff\xfe kept\r\nexit 0";
    let path = hooks.join("pre-commit");
    std::fs::write(&path, foreign).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o750)).unwrap();
    }
    install::install(&repo, &Hook::ALL).unwrap();

    let actions = install::uninstall(&repo, &Hook::ALL).unwrap();
    assert_eq!(
        actions,
        vec![
            Action::Restored {
                hook: Hook::PreCommit,
                path: path.clone(),
                from: hooks.join("pre-commit.charter-previous"),
            },
            Action::Removed {
                hook: Hook::CommitMsg,
                path: hooks.join("commit-msg")
            },
            Action::Removed {
                hook: Hook::PrePush,
                path: hooks.join("pre-push")
            },
        ]
    );
    assert_eq!(std::fs::read(&path).unwrap(), foreign);
    assert_eq!(mode(&path), 0o750);
    assert!(!hooks.join("pre-commit.charter-previous").exists());
    assert!(!hooks.join("commit-msg").exists());
    assert!(!hooks.join("pre-push").exists());

    // Uninstalling again changes nothing and says so.
    let again = install::uninstall(&repo, &Hook::ALL).unwrap();
    assert!(matches!(again[0], Action::NotOurs { .. }), "{again:?}");
    assert!(matches!(again[1], Action::NotInstalled { .. }), "{again:?}");
    assert_eq!(std::fs::read(&path).unwrap(), foreign);
}

#[test]
fn uninstall_leaves_a_foreign_hook_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    let hooks = git_hooks_dir(&repo);
    let foreign = foreign_hook("pre-push", &tmp.path().join("log"), 0);
    write_exec(&hooks.join("pre-push"), &foreign);
    let actions = install::uninstall(&repo, &[Hook::PrePush]).unwrap();
    assert_eq!(
        actions,
        vec![Action::NotOurs {
            hook: Hook::PrePush,
            path: hooks.join("pre-push")
        }]
    );
    assert_eq!(read(&hooks.join("pre-push")), foreign);
}

#[test]
fn install_refuses_when_a_kept_hook_would_be_overwritten_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    let hooks = git_hooks_dir(&repo);
    let log = tmp.path().join("log");
    write_exec(
        &hooks.join("commit-msg"),
        &foreign_hook("commit-msg", &log, 0),
    );
    write_exec(
        &hooks.join("commit-msg.charter-previous"),
        &foreign_hook("older", &log, 0),
    );

    let err = install::install(&repo, &Hook::ALL).unwrap_err();
    assert!(
        matches!(
            &err,
            InstallError::PreviousExists {
                hook: Hook::CommitMsg,
                ..
            }
        ),
        "{err:?}"
    );
    let text = err.to_string();
    assert!(
        text.contains("commit-msg.charter-previous") && text.contains("refusing"),
        "{text}"
    );
    // Checked before writing: not even the hooks listed before commit-msg were installed.
    assert!(!hooks.join("pre-commit").exists());
    assert_eq!(
        read(&hooks.join("commit-msg")),
        foreign_hook("commit-msg", &log, 0)
    );
    assert_eq!(
        read(&hooks.join("commit-msg.charter-previous")),
        foreign_hook("older", &log, 0)
    );
}

#[test]
fn a_dangling_symlink_hook_is_kept_and_restored_as_a_link() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    let hooks = git_hooks_dir(&repo);
    let link = hooks.join("pre-commit");
    std::os::unix::fs::symlink("../../tools/missing-hook", &link).unwrap();
    let actions = install::install(&repo, &[Hook::PreCommit]).unwrap();
    assert!(matches!(actions[0], Action::Chained { .. }), "{actions:?}");
    install::uninstall(&repo, &[Hook::PreCommit]).unwrap();
    assert_eq!(
        std::fs::read_link(&link).unwrap(),
        PathBuf::from("../../tools/missing-hook")
    );
}

#[test]
fn relative_core_hooks_path_is_taken_from_the_work_tree_root_and_created() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    git(&repo, &["config", "core.hooksPath", "tools/githooks"]);
    let sub = repo.join("src/deep");
    std::fs::create_dir_all(&sub).unwrap();

    let located = locate(&sub).unwrap();
    assert_eq!(located.configured.as_deref(), Some("tools/githooks"));
    let actions = install::install(&sub, &[Hook::PreCommit]).unwrap();
    let expected = canon(&repo).join("tools/githooks");
    assert_eq!(canon(&located.path), expected);
    assert_eq!(canon(&git_hooks_dir(&sub)), expected);
    assert!(
        matches!(&actions[0], Action::Installed { path, .. } if canon(path) == expected.join("pre-commit"))
    );
    assert!(!repo.join(".git/hooks/pre-commit").exists());

    let log = tmp.path().join("log");
    let out = commit(&repo, &recording_bin(tmp.path(), &log, 1), "a.txt", "first");
    assert!(
        !out.status.success(),
        "git must run the hook from core.hooksPath"
    );
    assert_eq!(read(&log), "charter pre-commit\n");
}

#[test]
fn absolute_and_home_relative_core_hooks_path() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    let shared = tmp.path().join("shared hooks"); // a space, as on many desktops
    git(
        &repo,
        &["config", "core.hooksPath", shared.to_str().unwrap()],
    );
    install::install(&repo, &[Hook::PreCommit]).unwrap();
    assert_eq!(canon(&git_hooks_dir(&repo)), canon(&shared));
    assert!(shared.join("pre-commit").is_file());

    let log = tmp.path().join("log");
    let out = commit(&repo, &recording_bin(tmp.path(), &log, 0), "a.txt", "first");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(read(&log), "charter pre-commit\n");

    // `~/` expands to the home directory, as git's pathname config type does.
    git(&repo, &["config", "core.hooksPath", "~/my-hooks"]);
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap();
    assert_eq!(locate(&repo).unwrap().path, home.join("my-hooks"));
}

#[test]
fn empty_core_hooks_path_is_an_error_not_a_guess() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    git(&repo, &["config", "core.hooksPath", ""]);
    let err = install::install(&repo, &Hook::ALL).unwrap_err();
    assert!(
        matches!(err, InstallError::Locate(HooksDirError::EmptyHooksPath)),
        "{err:?}"
    );
}

#[test]
fn a_linked_worktree_installs_into_the_common_hooks_dir_shared_by_all_worktrees() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    git(&repo, &["commit", "-q", "--allow-empty", "-m", "root"]);
    let wt = tmp.path().join("wt");
    git(&repo, &["worktree", "add", "-q", wt.to_str().unwrap()]);

    let located = locate(&wt).unwrap();
    assert!(located.linked_worktree);
    assert_eq!(canon(&located.work_tree), canon(&wt));
    install::install(&wt, &[Hook::PreCommit]).unwrap();
    assert_eq!(canon(&git_hooks_dir(&wt)), canon(&repo.join(".git/hooks")));
    assert!(repo.join(".git/hooks/pre-commit").is_file());

    // The hook fires for commits in both the linked and the main worktree.
    let log = tmp.path().join("log");
    let bin = recording_bin(tmp.path(), &log, 0);
    assert!(commit(&wt, &bin, "w.txt", "in worktree").status.success());
    assert!(commit(&repo, &bin, "m.txt", "in main").status.success());
    assert_eq!(read(&log), "charter pre-commit\ncharter pre-commit\n");

    let actions = install::uninstall(&wt, &[Hook::PreCommit]).unwrap();
    assert!(matches!(actions[0], Action::Removed { .. }), "{actions:?}");
    assert!(!repo.join(".git/hooks/pre-commit").exists());
}

#[test]
fn not_a_repository_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("plain");
    std::fs::create_dir(&dir).unwrap();
    // Guard the premise: the temp dir must not sit inside some other repository.
    let probe = git_cmd(&dir)
        .args(["rev-parse", "--git-dir"])
        .output()
        .unwrap();
    assert!(!probe.status.success(), "temp dir is inside a repository");

    let err = install::install(&dir, &Hook::ALL).unwrap_err();
    assert!(
        matches!(&err, InstallError::Locate(HooksDirError::NotARepo { .. })),
        "{err:?}"
    );
    assert!(err.to_string().contains("not a git repository"), "{err}");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
}

#[test]
fn a_bare_repository_is_refused_with_a_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let bare = tmp.path().join("bare.git");
    git(
        tmp.path(),
        &["init", "-q", "--bare", bare.to_str().unwrap()],
    );
    let err = install::install(&bare, &Hook::ALL).unwrap_err();
    assert!(
        matches!(&err, InstallError::Locate(HooksDirError::Bare { .. })),
        "{err:?}"
    );
    assert!(err.to_string().contains("bare repository"), "{err}");
    assert!(!bare.join("hooks/pre-commit").exists());
}

#[test]
fn a_missing_binary_fails_closed_and_says_how_to_skip_once() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    install::install(&repo, &Hook::ALL).unwrap();
    let missing = tmp.path().join("no-such-git-charter");
    let out = commit(&repo, &missing, "a.txt", "first");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("was not found"), "{stderr}");
    assert!(stderr.contains("git commit --no-verify"), "{stderr}");
    assert_eq!(head_count(&repo), 0);

    let out = git_cmd(&repo)
        .env("GIT_CHARTER_BIN", &missing)
        .args(["commit", "-q", "--no-verify", "-m", "skipped once"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(head_count(&repo), 1);
}

#[test]
fn shims_are_plain_posix_sh() {
    for hook in Hook::ALL {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("hooks")
            .join(hook.name());
        // `sh -n` parses without running; on Debian and Ubuntu /bin/sh is dash, which rejects bashisms
        // such as `[[`, `function` and `<<<`.
        let out = Command::new("sh").arg("-n").arg(&path).output().unwrap();
        assert!(
            out.status.success(),
            "{hook}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            mode(&path) & 0o111,
            0o111,
            "{hook} must be executable in the checkout"
        );
    }
}

// ---- The real binary: `git charter install` / `uninstall` and the shims calling it from PATH. ----

const BIN: &str = env!("CARGO_BIN_EXE_git-charter");

fn charter(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(args)
        .stdin(Stdio::null());
    cmd.output().unwrap()
}

/// PATH with the freshly built binary first, so the shims find it as plain `git-charter`.
fn path_with_bin() -> std::ffi::OsString {
    let bin_dir = Path::new(BIN).parent().unwrap().to_path_buf();
    let mut dirs = vec![bin_dir];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs).unwrap()
}

/// A team policy (independent of the built-in rule set) that denies adding `forbidden.txt`.
const FORBIDDEN_POLICY: &str = r#"# METADATA
# title: No forbidden files
# description: Test policy for the native hook path.
# custom:
#   id: CH-TEST-001
#   severity: high
#   remediation: Do not commit forbidden.txt.
#   stages: [pre-commit, pre-push, ci]
package gitcharter.test.forbidden

deny contains result if {
	some f in input.files
	f.path == "forbidden.txt"
	result := {"path": f.path, "line": 1, "message": "forbidden.txt must not be committed"}
}
"#;

#[test]
fn cli_install_puts_shims_that_run_the_real_binary_from_path() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    std::fs::create_dir_all(repo.join(".charter/policies")).unwrap();
    std::fs::write(
        repo.join(".charter/policies/forbidden.rego"),
        FORBIDDEN_POLICY,
    )
    .unwrap();
    git(&repo, &["add", ".charter"]);
    git(
        &repo,
        &["commit", "-q", "--no-verify", "-m", "Add team policy"],
    );

    let out = charter(&repo, &["install"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    for hook in Hook::ALL {
        assert!(stdout.contains(&format!("{hook}: installed")), "{stdout}");
    }

    let run = |args: &[&str]| {
        git_cmd(&repo)
            .env("PATH", path_with_bin())
            .env("NO_COLOR", "1")
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    std::fs::write(repo.join("forbidden.txt"), "x\n").unwrap();
    git(&repo, &["add", "forbidden.txt"]);
    let out = run(&["commit", "-m", "Add forbidden file"]);
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.status.success(), "{all}");
    assert!(all.contains("CH-TEST-001"), "{all}");
    assert_eq!(head_count(&repo), 1);

    git(&repo, &["rm", "-q", "--cached", "forbidden.txt"]);
    std::fs::write(repo.join("ok.txt"), "fine\n").unwrap();
    git(&repo, &["add", "ok.txt"]);
    let out = run(&["commit", "-m", "Add a fine file"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(head_count(&repo), 2);

    // pre-push through the real binary: a clean push goes through; a commit made with --no-verify is
    // caught before it leaves.
    let remote = tmp.path().join("remote.git");
    git(
        tmp.path(),
        &["init", "-q", "--bare", remote.to_str().unwrap()],
    );
    git(
        &repo,
        &["remote", "add", "origin", remote.to_str().unwrap()],
    );
    let out = run(&["push", "-q", "origin", "main"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    git(&repo, &["add", "forbidden.txt"]);
    git(&repo, &["commit", "-q", "--no-verify", "-m", "Sneak it in"]);
    let out = run(&["push", "-q", "origin", "main"]);
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.status.success(), "{all}");
    assert!(all.contains("CH-TEST-001"), "{all}");
    assert_ne!(
        git(&remote, &["rev-parse", "main"]),
        git(&repo, &["rev-parse", "main"])
    );

    let out = charter(&repo, &["uninstall"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for hook in Hook::ALL {
        assert!(
            !repo.join(".git/hooks").join(hook.name()).exists(),
            "{hook}"
        );
    }
}

#[test]
fn cli_install_errors_exit_2_with_the_reason_on_stderr() {
    let tmp = tempfile::tempdir().unwrap();
    let plain = tmp.path().join("plain");
    std::fs::create_dir(&plain).unwrap();
    let out = charter(&plain, &["install"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a git repository"));

    let repo = new_repo(tmp.path());
    let out = charter(&repo, &["install", "--hook", "post-merge"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown hook 'post-merge'"));

    let hooks = git_hooks_dir(&repo);
    write_exec(&hooks.join("pre-push"), "#!/bin/sh\nexit 0\n");
    write_exec(
        &hooks.join("pre-push.charter-previous"),
        "#!/bin/sh\nexit 0\n",
    );
    let out = charter(&repo, &["install"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("refusing"));
    assert!(!hooks.join("pre-commit").exists());
}

#[test]
fn relative_core_hooks_path_in_a_linked_worktree_points_into_that_worktree() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    git(&repo, &["commit", "-q", "--allow-empty", "-m", "root"]);
    let wt = tmp.path().join("wt");
    git(&repo, &["worktree", "add", "-q", wt.to_str().unwrap()]);
    git(&repo, &["config", "core.hooksPath", ".githooks"]);

    // Before install the directory does not exist, so compare the paths as git and locate spell them.
    let located = locate(&wt).unwrap();
    assert_eq!(located.path, git_hooks_dir(&wt));
    assert_eq!(located.path, wt.join(".githooks"));
    install::install(&wt, &[Hook::PreCommit]).unwrap();
    assert!(wt.join(".githooks/pre-commit").is_file());
    assert!(!repo.join(".githooks/pre-commit").exists());
}

#[test]
fn a_submodule_gets_its_own_hooks_dir_under_the_superprojects_git_modules() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    git(&lib, &["init", "-q", "-b", "main"]);
    git(&lib, &["commit", "-q", "--allow-empty", "-m", "lib"]);
    let repo = new_repo(tmp.path());
    git(
        &repo,
        &[
            "-c",
            "protocol.file.allow=always",
            "submodule",
            "add",
            "-q",
            lib.to_str().unwrap(),
            "vendor/lib",
        ],
    );
    let sub = repo.join("vendor/lib");
    let actions = install::install(&sub, &[Hook::PreCommit]).unwrap();
    let expected = canon(&repo.join(".git/modules/vendor/lib")).join("hooks");
    assert_eq!(canon(&git_hooks_dir(&sub)), expected);
    assert!(
        matches!(&actions[0], Action::Installed { path, .. } if canon(path) == expected.join("pre-commit"))
    );
    assert!(!repo.join(".git/hooks/pre-commit").exists());
}

#[test]
fn a_non_executable_foreign_hook_stays_ignored_as_git_ignores_it() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    let hooks = git_hooks_dir(&repo);
    let log = tmp.path().join("log");
    let foreign = foreign_hook("pre-commit", &log, 1);
    std::fs::write(hooks.join("pre-commit"), &foreign).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            hooks.join("pre-commit"),
            std::fs::Permissions::from_mode(0o644),
        )
        .unwrap();
    }
    install::install(&repo, &[Hook::PreCommit]).unwrap();
    assert_eq!(mode(&hooks.join("pre-commit.charter-previous")), 0o644);
    let out = commit(&repo, &recording_bin(tmp.path(), &log, 0), "a.txt", "first");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(read(&log), "charter pre-commit\n");
}

#[test]
fn a_shim_deleted_by_hand_is_reinstalled_chaining_the_kept_hook_again() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    let hooks = git_hooks_dir(&repo);
    let log = tmp.path().join("log");
    let foreign = foreign_hook("pre-commit", &log, 0);
    write_exec(&hooks.join("pre-commit"), &foreign);
    install::install(&repo, &[Hook::PreCommit]).unwrap();
    std::fs::remove_file(hooks.join("pre-commit")).unwrap();

    let actions = install::install(&repo, &[Hook::PreCommit]).unwrap();
    assert_eq!(
        actions,
        vec![Action::Chained {
            hook: Hook::PreCommit,
            path: hooks.join("pre-commit"),
            previous: hooks.join("pre-commit.charter-previous"),
        }]
    );
    // A binary whose path has a space, as under "Program Files" or a home with spaces.
    let bin_dir = tmp.path().join("my tools");
    std::fs::create_dir(&bin_dir).unwrap();
    let bin = recording_bin(&bin_dir, &log, 0);
    let out = commit(&repo, &bin, "a.txt", "first");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(read(&log), "foreign pre-commit \ncharter pre-commit\n");

    install::uninstall(&repo, &[Hook::PreCommit]).unwrap();
    assert_eq!(read(&hooks.join("pre-commit")), foreign);
}

/// `GIT_CHARTER_BIN=true git commit` used to pass every commit without a word: the shim ran `true`.
#[test]
fn git_charter_bin_that_is_not_git_charter_stops_the_commit_and_the_push_and_says_why() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    install::install(&repo, &Hook::ALL).unwrap();
    let out = commit(&repo, Path::new("true"), "a.txt", "first");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("GIT_CHARTER_BIN=true is not git-charter"),
        "{stderr}"
    );
    assert!(stderr.contains("git commit --no-verify"), "{stderr}");
    assert_eq!(head_count(&repo), 0);

    // The push hook likewise (the real binary commits; a stand-in then pushes).
    let log = tmp.path().join("log");
    let ok = commit(
        &repo,
        &recording_bin(tmp.path(), &log, 0),
        "b.txt",
        "second",
    );
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let remote = tmp.path().join("remote.git");
    git(
        tmp.path(),
        &["init", "-q", "--bare", remote.to_str().unwrap()],
    );
    let out = git_cmd(&repo)
        .env("GIT_CHARTER_BIN", "true")
        .args(["push", "-q", remote.to_str().unwrap(), "main"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("is not git-charter"), "{stderr}");
    assert!(stderr.contains("git push --no-verify"), "{stderr}");
    // A stand-in that does say it is git-charter is run (that is how the other tests record calls).
    assert!(read(&log).contains("charter pre-commit"), "{}", read(&log));
}

/// Installing over the pre-commit framework's own hook, when its configuration runs git-charter
/// too, says that git-charter would run twice; a foreign hook of another kind says nothing.
#[test]
fn installing_over_a_framework_hook_that_runs_git_charter_warns_of_running_twice() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    let hooks = git_hooks_dir(&repo);
    std::fs::create_dir_all(&hooks).unwrap();
    write_exec(
        &hooks.join("pre-commit"),
        "#!/usr/bin/env bash\n# File generated by pre-commit: https://pre-commit.com\nexec pre-commit hook-impl --hook-type=pre-commit \"$@\"\n",
    );
    write_exec(&hooks.join("pre-push"), "#!/bin/sh\nexit 0\n");
    std::fs::write(
        repo.join(".pre-commit-config.yaml"),
        "repos:\n  - repo: local\n    hooks:\n      - id: git-charter\n        name: git-charter\n        entry: git-charter pre-commit\n        language: system\n",
    )
    .unwrap();
    let out = charter(&repo, &["install"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("pre-commit: warning: the chained hook is pre-commit's"),
        "{text}"
    );
    assert!(text.contains("would run twice"), "{text}");
    assert!(!text.contains("pre-push: warning"), "{text}");
}

/// `uninstall` removes a `core.hooksPath` directory it leaves empty.
#[test]
fn uninstall_removes_the_hooks_path_directory_it_empties() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = new_repo(tmp.path());
    git(&repo, &["config", "core.hooksPath", ".githooks"]);
    assert_eq!(charter(&repo, &["install"]).status.code(), Some(0));
    assert!(repo.join(".githooks/pre-commit").exists());
    let out = charter(&repo, &["uninstall"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("removed the empty hooks directory"), "{text}");
    assert!(!repo.join(".githooks").exists());
    // git's own hooks directory stays.
    git(&repo, &["config", "--unset", "core.hooksPath"]);
    assert_eq!(charter(&repo, &["install"]).status.code(), Some(0));
    let out = charter(&repo, &["uninstall"]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("removed the empty"));
    assert!(git_hooks_dir(&repo).exists());
}
