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
    /// Whole values that state that no AI was used, e.g. `AI-Assisted: no`. Values are compared
    /// normalised: lower-case, white space collapsed, surrounding quotes, brackets and trailing
    /// punctuation removed (`None.` is `none`). Default: see `charter/default.yaml`.
    pub none_values: Vec<String>,
    /// Regex, matched against the normalised value, for other ways of saying that no AI was used
    /// (`No AI tools were used`). Default: `^(?:no|none|not|never|nothing|without)\b`.
    pub none_pattern: Option<RegexPattern>,
    /// Whole values (normalised as above) that are template text, not a disclosure (`TBD`,
    /// `TODO`, `tool:model`). Empty values and values without a letter or digit never disclose.
    /// Default: see `charter/default.yaml`.
    pub placeholder_values: Vec<String>,
    /// Regex, matched against the normalised value, for template text: an unfilled `<slot>`,
    /// `xxx`, a leading `TODO`. Default: see `charter/default.yaml`.
    pub placeholder_pattern: Option<RegexPattern>,
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
            none_pattern: None,
            placeholder_values: vec![],
            placeholder_pattern: None,
            coauthor_counts: false,
            allowed_tools: vec![],
            require_for: Strength::Strong,
            suggest: "Assisted-by: {tool}".into(),
            require_dco: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{default_charter, from_team_text};
    use std::path::Path;

    // The judgement is Rego's (policies/lib/disclosure.rego); the charter only has to carry it.
    #[test]
    fn default_charter_says_what_never_discloses() {
        let d = default_charter().disclosure;
        for v in ["no", "none", "n/a", "not used", "no ai used"] {
            assert!(d.none_values.iter().any(|x| x == v), "{v}");
        }
        for v in ["tbd", "todo", "xxx", "<tool>:<model>"] {
            assert!(d.placeholder_values.iter().any(|x| x == v), "{v}");
        }
        assert!(d.none_pattern.is_some());
        assert!(d.placeholder_pattern.is_some());
    }

    #[test]
    fn a_bad_none_pattern_names_its_line() {
        let text = "disclosure:\n  none_pattern: '(no'\n";
        let err = from_team_text(Path::new("c.yaml"), text)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.yaml:2:"), "{err}");
    }
}
