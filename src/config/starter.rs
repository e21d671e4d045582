//! The starter files `git charter init` writes: a commented charter and an example policy with
//! its test. They are data files under `charter/`, embedded here; nothing parses them at start-up.

/// The commented starter charter `git charter init` writes to `.charter/charter.yaml`.
pub const STARTER_CHARTER: &str = include_str!("../../charter/starter.yaml");
/// The example team policy `git charter init` writes to `.charter/policies/`, as (file name, text).
pub const STARTER_POLICY: (&str, &str) = (
    "example.rego",
    include_str!("../../charter/starter-policy.rego"),
);
/// The example policy's test, written beside it, as (file name, text).
pub const STARTER_POLICY_TEST: (&str, &str) = (
    "example_test.rego",
    include_str!("../../charter/starter-policy_test.rego"),
);
