//! Orchestration, one function per command: collect → detect → input → policy → report, in that
//! order. No printing, no git2, no regorus: each function returns a value main.rs hands to report.
//!
//! - `session`: the one loader (charter, baseline, policies, gitleaks config from a `CharterSource`),
//!   detectors, commit facts, analysis, judging;
//! - `hooks`: pre-commit, commit-msg, input; `ci`: ci and pre-push; `scan`: scan and baseline;
//! - `policy`: policy test / check / list, explain, charter, rules; `init`: the starter `.charter/`.

pub mod agent;
pub mod agents;
pub mod attest;
pub mod cache;
pub mod ci;
pub mod history;
pub mod hooks;
pub mod init;
pub mod kpi;
pub mod mcp;
pub mod policy;
pub mod provenance;
pub mod scan;
pub mod session;

pub use hooks::{commit_msg, explain_why, input_document, pre_commit};

pub use policy::{
    builtin_policies, charter_update, effective_charter, explain, policy_check, policy_list,
    policy_test, rules, rules_check, waivers,
};
pub use session::{Detectors, Session, redact_error};
