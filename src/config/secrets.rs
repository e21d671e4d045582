//! The charter's `secrets:` section: allowlists and the team's gitleaks config. That `disable`
//! names built-in rules is checked by `detect::secrets`, which holds the rule list.

use crate::pattern::{GlobPattern, RegexPattern};
use serde::{Deserialize, Serialize};

/// What an inline marker (`charter:allow`, `gitleaks:allow`, `pragma: allowlist secret`, in a
/// comment on the finding's line) does. The built-in policy CH-SECRET-001 reads it; every
/// suppressed finding is listed in the input document, JSON and SARIF whatever the setting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InlineIgnore {
    /// The finding is suppressed without a word on the console.
    Allow,
    /// The finding is suppressed and shown as a warning.
    #[default]
    Report,
    /// A marker the change under review adds (every stage but `scan`) is a denial; markers found
    /// by `scan` are warnings.
    DenyNew,
}

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
    /// What an inline marker does: `allow` (suppressed silently), `report` (suppressed, shown as
    /// a warning) or `deny-new` (a marker added by the change under review is a denial).
    /// Default: `report`.
    pub inline_ignore: InlineIgnore,
    /// Files that hold secrets by convention and never belong in git, whatever their content
    /// (CH-SECRET-002 denies adding one): globs. Default: `.env` and `.env.*` anywhere.
    pub secret_files: Vec<GlobPattern>,
    /// Files among `secret_files` that are templates, not secrets. Default: `.env.example`,
    /// `.env.sample`, `.env.template`, `.env.dist`, `.env.defaults` anywhere.
    pub secret_files_allow: Vec<GlobPattern>,
}
