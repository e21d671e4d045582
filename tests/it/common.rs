//! Helpers for integration tests: real git repositories in temporary directories and the real binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_git-charter");

/// `cmd` in `dir` with the caller's git environment neutralised (a test run from a git hook
/// inherits GIT_DIR and GIT_INDEX_FILE), no global or system git configuration, and fixed identities.
pub fn neutral_git_env<'c>(cmd: &'c mut Command, dir: &Path) -> &'c mut Command {
    cmd.current_dir(dir)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .env_remove("GIT_CHARTER_BIN")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Ada Tester")
        .env("GIT_AUTHOR_EMAIL", "ada@example.com")
        .env("GIT_COMMITTER_NAME", "Ada Tester")
        .env("GIT_COMMITTER_EMAIL", "ada@example.com")
}

/// Whether this is a CI run: `CI` set to any non-empty value other than `false` (`.ci/run` sets `CI=true`).
pub fn under_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false")
}

/// A test cannot run here (`why`, e.g. "`pre-commit` is not on PATH"; `fix` says what to install).
/// Under CI that is a failure (`.ci/run` installs every prerequisite, so its absence there means the
/// set-up is broken). Locally the test may skip, but says so on the process's real stderr: libtest
/// captures `eprintln!` of a passing test, not direct writes, so the SKIPPED line shows in a plain
/// `cargo test`.
pub fn missing_prerequisite(test: &str, why: &str, fix: &str) {
    use std::io::Write;
    assert!(
        !under_ci(),
        "{test}: CI is set but {why}: {fix} (.ci/run does)"
    );
    let line = format!("\nSKIPPED {test}: {why}; {fix} (under CI=true this fails)\n");
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// An AWS access key id that is not the documentation example, assembled at run time so this
/// source file does not itself trip secret scanners.
pub fn aws_key_id() -> String {
    format!("AKIA{}", "Z7QW3LRT5XKP2M4N")
}

pub struct Repo {
    pub dir: tempfile::TempDir,
}

impl Repo {
    pub fn new() -> Repo {
        let dir = tempfile::tempdir().expect("tempdir");
        let r = Repo { dir };
        r.git(&["init", "-q", "-b", "main"]);
        r.git(&["config", "user.name", "Test Person"]);
        r.git(&["config", "user.email", "test@example.com"]);
        r.git(&["config", "commit.gpgsign", "false"]);
        r
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn git(&self, args: &[&str]) -> String {
        let out = git_in(self.path(), args);
        assert!(
            out.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path().join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, content).unwrap();
        p
    }

    pub fn add(&self, rel: &str, content: impl AsRef<[u8]>) {
        self.write(rel, content);
        self.git(&["add", "--", rel]);
    }

    pub fn commit(&self, msg: &str) {
        self.git(&["commit", "-q", "--no-verify", "-m", msg]);
    }

    /// Runs git with the hooks installed by `git charter install` finding this build of the binary
    /// (the shims honour GIT_CHARTER_BIN). Unlike `git`, it does not assert success.
    pub fn git_with_hooks(&self, args: &[&str]) -> Output {
        Command::new("git")
            .args(args)
            .current_dir(self.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CHARTER_BIN", BIN)
            .env(CROSSCHECK.0, CROSSCHECK.1)
            .env("NO_COLOR", "1")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .stdin(Stdio::null())
            .output()
            .expect("git runs")
    }

    /// Runs `git-charter ARGS` in the repository.
    pub fn charter(&self, args: &[&str]) -> Run {
        run_in(self.path(), args)
    }

    /// `charter`, without the VM cross-check (see `CROSSCHECK`).
    pub fn charter_plain(&self, args: &[&str]) -> Run {
        run_plain_in(self.path(), args)
    }

    /// The input document for the pre-commit stage.
    pub fn input(&self) -> serde_json::Value {
        let r = self.charter(&["input", "--stage", "pre-commit"]);
        assert_eq!(r.code, 0, "input failed: {}", r.stderr);
        serde_json::from_str(&r.stdout).expect("input is JSON")
    }
}

pub fn git_in(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .stdin(Stdio::null())
        .output()
        .expect("git runs")
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Every policy evaluation of a test run through these helpers happens on both regorus's VM and its
/// interpreter, and a disagreement stops the run (exit 3): the whole suite is a differential test of
/// the VM (see `policy::CROSSCHECK_ENV`). `run_plain_in` runs without it, as users do.
pub const CROSSCHECK: (&str, &str) = ("GIT_CHARTER_REGO_CROSSCHECK", "1");

pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    run_with(dir, args, true)
}

/// `run_in` without the VM cross-check: the compiled policies are loaded as a user's run loads them.
pub fn run_plain_in(dir: &Path, args: &[&str]) -> Run {
    run_with(dir, args, false)
}

fn run_with(dir: &Path, args: &[&str], crosscheck: bool) -> Run {
    let mut cmd = Command::new(BIN);
    if crosscheck {
        cmd.env(CROSSCHECK.0, CROSSCHECK.1);
    } else {
        cmd.env_remove(CROSSCHECK.0);
    }
    let out = cmd
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .stdin(Stdio::null())
        .output()
        .expect("binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The file entry for `path` in an input document.
pub fn file<'a>(input: &'a serde_json::Value, path: &str) -> &'a serde_json::Value {
    input["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == path)
        .unwrap_or_else(|| panic!("{path} not in files: {input:#}"))
}
