//! The charter's `disclosure:` section: which trailers disclose AI help. Only the Rego policies
//! read it (`data.charter.disclosure`, CH-AI-001…006 and the class and tier `disclose` rules).

use crate::model::Strength;
use crate::pattern::RegexPattern;
use serde::{Deserialize, Serialize};

/// The charter's `disclosure:` section. Policies read it as `data.charter.disclosure`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DisclosureConfig {
    /// Trailer keys that disclose AI help, compared case-insensitively.
    /// Default: `[Assisted-by, Generated-by, AI-Assisted, AI-Generated, AI-Tool]`.
    pub trailers: Vec<String>,
    /// Regex a disclosure value must match (e.g. the kernel's `^\S+:\S+`, AGENT:MODEL).
    /// Default: absent (`null`): any value.
    pub value_pattern: Option<RegexPattern>,
    /// Whole values (case-insensitive) that state that no AI was used, e.g. `AI-Assisted: no`.
    /// Default: `[no, none, n/a, false, 0, nothing]`.
    pub none_values: Vec<String>,
    /// Whether a `Co-authored-by` naming an AI tool counts as a disclosure. Default: `false`.
    pub coauthor_counts: bool,
    /// Tools a disclosure may name (case-insensitive substrings of its value). Default: `[]`:
    /// any tool.
    pub allowed_tools: Vec<String>,
    /// Evidence strength from which a disclosure is required: `strong` or `medium`.
    /// Default: `strong`.
    pub require_for: Strength,
    /// The trailer suggested in the remediation; `{tool}` is replaced by the detected tool.
    /// Default: `Assisted-by: {tool}`.
    pub suggest: String,
    /// Require a `Signed-off-by` from the author (Developer Certificate of Origin).
    /// Default: `false`.
    pub require_dco: bool,
}

impl Default for DisclosureConfig {
    fn default() -> Self {
        DisclosureConfig {
            trailers: vec![],
            value_pattern: None,
            none_values: vec![],
            coauthor_counts: false,
            allowed_tools: vec![],
            require_for: Strength::Strong,
            suggest: "Assisted-by: {tool}".into(),
            require_dco: false,
        }
    }
}
