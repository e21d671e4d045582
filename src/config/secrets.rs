//! The charter's `secrets:` section: allowlists and the team's gitleaks config. That `disable`
//! names built-in rules is checked by `detect::secrets`, which holds the rule list.

use crate::pattern::{GlobPattern, RegexPattern};
use serde::{Deserialize, Serialize};

/// The charter's `secrets:` section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SecretsConfig {
    /// Paths never scanned for secrets (globs; `*` stays within a directory, `**` crosses).
    /// Default: `[]`.
    pub allow_paths: Vec<GlobPattern>,
    /// A finding is dropped when one of these matches its secret or its line. Default: `[]`.
    pub allow_regexes: Vec<RegexPattern>,
    /// A finding is dropped when its secret contains one of these (case-insensitive).
    /// Default: `[]`.
    pub stopwords: Vec<String>,
    /// Built-in rule ids to turn off (`git charter rules` lists them); an unknown id is an error.
    /// Default: `[]`.
    pub disable: Vec<String>,
    /// A gitleaks/betterleaks TOML config (path relative to the repository root) loaded with the
    /// built-ins (`[extend] useDefault = false` replaces them). Default: absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gitleaks_config: Option<String>,
}
