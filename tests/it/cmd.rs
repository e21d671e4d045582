//! CLI behaviour as data: every case under tests/cmd/ runs the real binary (and real git, for the
//! multi-step `.md` cases that build a repository in a sandbox) in a fixed environment.
//! `TRYCMD=overwrite cargo test --test it cmd::` rewrites the expected output; review the diff.
//! Case files never hold a whole secret: the `.md` cases assemble one with `sh -c "printf ..."`.

use crate::common::BIN;
use std::path::{Path, PathBuf};

/// Variables that change what git or git-charter does, set by a hook or a CI service that runs this
/// suite. trycmd can add variables to every case but not remove them, so when one is set the test
/// re-runs itself without them.
const LEAKY_VARS: &[&str] = &[
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_CEILING_DIRECTORIES",
    "GIT_CONFIG",
    "GIT_CONFIG_COUNT",
    "GIT_CONFIG_PARAMETERS",
    "GIT_EDITOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "GITHUB_BASE_REF",
    "GITHUB_ACTIONS",
    "CI_MERGE_REQUEST_DIFF_BASE_SHA",
    "CI_COMMIT_BEFORE_SHA",
    "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA",
    "GITHUB_EVENT_NAME",
    "GITHUB_EVENT_PATH",
    "BITBUCKET_PR_DESTINATION_COMMIT",
    "SYSTEM_PULLREQUEST_TARGETBRANCH",
    "BUILDKITE_PULL_REQUEST_BASE_BRANCH",
    "PRE_COMMIT",
    "PRE_COMMIT_FROM_REF",
    "PRE_COMMIT_TO_REF",
    "PRE_COMMIT_LOCAL_BRANCH",
    "GIT_CHARTER_BIN",
];

/// `name` on PATH, as an absolute path (trycmd runs registered binaries by path).
fn on_path(name: &str) -> PathBuf {
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("`{name}` is not on PATH"))
}

#[test]
fn cli_cases() {
    if LEAKY_VARS.iter().any(|v| std::env::var_os(v).is_some()) {
        let mut again = std::process::Command::new(std::env::current_exe().unwrap());
        again.args([
            "--exact",
            "cmd::cli_cases",
            "--nocapture",
            "--test-threads=1",
        ]);
        for v in LEAKY_VARS {
            again.env_remove(v);
        }
        let status = again.status().expect("the test binary runs again");
        assert!(
            status.success(),
            "cli cases failed (re-run without {LEAKY_VARS:?})"
        );
        return;
    }
    let home = tempfile::tempdir().unwrap();
    // `sh -c` steps and the installed hook shims find this build as `git-charter` on PATH.
    let bin_dir = Path::new(BIN).parent().unwrap().to_path_buf();
    let path = std::env::join_paths(
        std::iter::once(bin_dir).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd");
    trycmd::TestCases::new()
        .register_bin("git-charter", Path::new(BIN))
        .register_bin("git", on_path("git"))
        .register_bin("sh", on_path("sh"))
        .env("PATH", path.to_str().unwrap())
        .env("HOME", home.path().to_str().unwrap())
        .env(
            "XDG_CONFIG_HOME",
            home.path().join(".config").to_str().unwrap(),
        )
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Ada Tester")
        .env("GIT_AUTHOR_EMAIL", "ada@example.com")
        .env("GIT_AUTHOR_DATE", "2024-05-01T12:00:00Z")
        .env("GIT_COMMITTER_NAME", "Ada Tester")
        .env("GIT_COMMITTER_EMAIL", "ada@example.com")
        .env("GIT_COMMITTER_DATE", "2024-05-01T12:00:00Z")
        .env("NO_COLOR", "1")
        .env("LC_ALL", "C")
        .env("TZ", "UTC")
        .case(cases.join("*.toml"))
        .case(cases.join("*.md"));
}
