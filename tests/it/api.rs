//! The library items this test binary uses, and the only file of it that names `git_charter`'s module
//! paths: when src/ moves an item, this file is where the tests are re-pointed. Everything else drives
//! the real binary (`common::Repo`); add here only what cannot be observed from the command line.

/// The secret engine over in-memory text: rule examples, line maps, allowlists, gitleaks import.
pub mod secrets {
    pub use git_charter::config::SecretsConfig;
    pub use git_charter::detect::secrets::{Scanner, SecretFinding};
    pub use git_charter::pattern::LineMap;
    pub use git_charter::report::docs::rules_markdown;
    pub use git_charter::rules::secrets::builtin_specs as builtin_rules;
}

/// Generated documentation and the rule-id snapshot.
pub mod docs {
    pub use git_charter::app::builtin_policies;
    pub use git_charter::report::docs::{policies_markdown, rule_ids};
}

/// The other detectors, for the robustness (fuzz-style) tests and the docs checks.
pub mod detect {
    pub use git_charter::pattern::LineMap;
    pub mod ai {
        pub use git_charter::config::AiConfig;
        pub use git_charter::detect::ai::Signatures;
    }
    pub mod classes {
        pub use git_charter::config::starter::{STARTER_POLICY, STARTER_POLICY_TEST};
        pub use git_charter::detect::classes::Classifier;
    }
    pub mod insecure {
        pub use git_charter::detect::insecure::InsecureScanner;
        pub use git_charter::rules::insecure::builtin_rules;
    }
}

/// Commit-message clean-up and trailers, checked against real git.
pub mod message {
    pub use git_charter::detect::message::{cleanup, has_scissors, resolve_auto_comment, subject};
}
pub mod trailers {
    pub use git_charter::detect::trailers::{
        Mode, Trailer, TrailerConfig, parse, parse_with_comment,
    };
}

/// The charter: its defaults and the team-file parser.
pub mod config {
    pub use git_charter::config::{default_charter, from_team_text};
}

/// Policy sources, `policy check` / `policy test` as functions, METADATA parsing, the catalogue.
pub mod policy {
    pub use git_charter::policy::metadata::{parse_header, test_rule_names};
    pub use git_charter::policy::{COMMAND_BUDGET_MS, Source, builtin_sources, check, run_tests};
}

/// Hook installation: git's hooks directory and the install/uninstall actions.
pub mod install {
    pub use git_charter::collect::hooks::{HooksDirError, locate};
    pub use git_charter::install::{Action, Hook, InstallError, install, uninstall};
}

/// `ci` with its cache statistics, which the command line does not print.
pub mod ci {
    pub use git_charter::app::ci::{CiRange, ci_with_stats};
}
