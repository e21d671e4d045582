//! Generated documentation must match the code: CI fails when it drifts, and
//! `SNAPSHOTS=overwrite cargo test --test it` rewrites the files (review the diff and commit it).
//! Also: the built-in and starter policies pass their own `policy check` and `policy test`.

use crate::api::detect::{classes, insecure};
use crate::api::{config, policy};

#[test]
fn docs_policies_md_is_current() {
    snapbox::assert_data_eq!(
        crate::api::docs::policies_markdown(&crate::api::docs::builtin_policies().unwrap()),
        snapbox::file!["../../docs/policies.md"].raw()
    );
}

#[test]
fn builtin_policies_pass_policy_check() {
    let sources = policy::builtin_sources();
    let (policies, problems) = policy::check(&sources, policy::COMMAND_BUDGET_MS).unwrap();
    assert!(!policies.is_empty());
    let msgs: Vec<String> = problems
        .iter()
        .map(|p| format!("{}: {}", p.origin, p.message))
        .collect();
    assert!(msgs.is_empty(), "{}", msgs.join("\n"));
}

#[test]
fn builtin_policy_tests_pass() {
    let sources = policy::builtin_sources();
    let charter = serde_json::to_string(&config::default_charter()).unwrap();
    let outcomes = policy::run_tests(&sources, &charter, policy::COMMAND_BUDGET_MS).unwrap();
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

/// The example policy `git charter init` writes must pass its own test and `policy check`.
#[test]
fn starter_policy_passes_its_test_and_check() {
    use classes::{STARTER_POLICY, STARTER_POLICY_TEST};
    use policy::{COMMAND_BUDGET_MS, Source, check, run_tests};
    let sources: Vec<Source> = [STARTER_POLICY, STARTER_POLICY_TEST]
        .iter()
        .map(|(name, text)| Source {
            origin: format!(".charter/policies/{name}"),
            text: (*text).to_string(),
            builtin: false,
        })
        .collect();
    let charter = serde_json::to_string(&config::default_charter()).unwrap();
    let outcomes = run_tests(&sources, &charter, COMMAND_BUDGET_MS).expect("starter policy loads");
    assert!(outcomes.len() >= 3, "{outcomes:?}");
    assert!(outcomes.iter().all(|o| o.passed), "{outcomes:?}");
    let (policies, problems) = check(&sources, COMMAND_BUDGET_MS).expect("starter policy loads");
    assert_eq!(policies.len(), 1);
    assert!(
        problems.is_empty(),
        "{:?}",
        problems.iter().map(|p| &p.message).collect::<Vec<_>>()
    );
}

/// docs/charter.md documents every built-in insecure pattern and every default class.
#[test]
fn charter_reference_names_every_pattern_and_class() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/charter.md")).unwrap();
    let rules = insecure::builtin_rules().unwrap();
    let missing: Vec<String> = rules
        .iter()
        .map(|r| format!("| `{}` |", r.id))
        .chain(
            config::default_charter()
                .classes
                .keys()
                .map(|c| format!("| `{c}` |")),
        )
        .filter(|row| !doc.contains(row.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/charter.md lacks table rows: {missing:?}"
    );
}
