//! Generated documentation must match the code: CI fails when it drifts.
//! `UPDATE_DOCS=1 cargo test --test docs` rewrites the files.

use std::path::Path;

fn check(rel: &str, generated: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, generated).unwrap();
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == generated,
        "{rel} is out of date: run `UPDATE_DOCS=1 cargo test --test docs` and commit the result"
    );
}

#[test]
fn docs_policies_md_is_current() {
    check(
        "docs/policies.md",
        &git_charter::policy::catalogue_markdown().unwrap(),
    );
}

#[test]
fn builtin_policies_pass_policy_check() {
    let sources = git_charter::policy::builtin_sources();
    let (policies, problems) = git_charter::policy::check(&sources).unwrap();
    assert!(!policies.is_empty());
    let msgs: Vec<String> = problems
        .iter()
        .map(|p| format!("{}: {}", p.origin, p.message))
        .collect();
    assert!(msgs.is_empty(), "{}", msgs.join("\n"));
}

#[test]
fn builtin_policy_tests_pass() {
    let sources = git_charter::policy::builtin_sources();
    let charter = serde_json::to_string(&git_charter::config::default_charter()).unwrap();
    let outcomes = git_charter::policy::run_tests(&sources, &charter).unwrap();
    assert!(outcomes.len() >= 3);
    let failed: Vec<String> = outcomes
        .iter()
        .filter(|o| !o.passed)
        .map(|o| {
            format!(
                "{}.{} ({}:{}): {:?}",
                o.package, o.name, o.origin, o.line, o.detail
            )
        })
        .collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
