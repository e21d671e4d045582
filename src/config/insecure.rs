//! The charter's `insecure:` section: what to do with each insecure-code pattern, and the team's
//! own patterns. That `rules` names known patterns is checked by `detect::insecure`, which holds
//! the built-in rule files.

use super::checked::{self, Check};
use super::tiers::TierName;
use crate::pattern::GlobPattern;
use crate::rules::insecure::InsecureRule;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// What the charter does with a pattern's matches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Not reported.
    Off,
    /// Reported as a warning.
    #[default]
    Warn,
    /// Reported as a denial.
    Deny,
}

/// The charter's `insecure:` section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InsecureConfig {
    /// Action for every pattern not listed in `rules`: `off`, `warn` or `deny`. Default: `warn`.
    pub default: Action,
    /// Per-pattern action, by pattern id; an unknown id is an error. Default: `deny` for
    /// `jwt-verify-disabled`, `gha-pr-target-checkout` and `gha-script-injection`.
    pub rules: BTreeMap<String, Action>,
    /// Paths never scanned for insecure patterns (documentation, vendored code). Default:
    /// markup files, `docs/**` and vendored code, listed in charter/default.yaml.
    pub exclude_paths: Vec<GlobPattern>,
    /// The most a finding does in each tier: `warn` makes a `deny` pattern only warn there, `off`
    /// silences it. Default: `experimental: warn` (tests, docs, examples; see `tiers`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub tiers: BTreeMap<TierName, Action>,
    /// Paths whose findings count as in the experimental tier whatever their tier: test fixtures
    /// and examples outside the experimental tier's paths. Default: `**/fixtures/**`,
    /// `**/__fixtures__/**`, `**/examples/**`, `**/example/**`, `**/spec/**`, `**/testing/**`,
    /// `**/testutil/**`, `**/testutils/**`, `**/docs/**`, `**/doc/**`.
    pub relaxed_paths: Vec<GlobPattern>,
    /// The team's own patterns, in the format of the built-in rule files (rules/insecure/).
    /// Default: `[]`.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "checked::list"
    )]
    pub patterns: Vec<InsecureRule>,
}

impl Check for InsecureRule {
    const EXPECTING: &'static str = "struct InsecureRule";

    fn check(&self, ids: &mut HashSet<String>) -> Result<(), String> {
        if self.keywords.is_empty() || self.patterns.is_empty() {
            return Err(format!(
                "pattern `{}` needs at least one keyword and one pattern",
                self.id
            ));
        }
        if self.keywords.iter().any(String::is_empty) {
            return Err(format!("pattern `{}`: empty keyword", self.id));
        }
        // Against the built-in ids it is checked when the rule files are loaded (`detect::insecure`).
        if !ids.insert(self.id.clone()) {
            return Err(format!("pattern id `{}` is defined twice", self.id));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::config::from_team_text;
    use std::path::Path;

    fn err(text: &str) -> String {
        from_team_text(Path::new(".charter/charter.yaml"), text)
            .unwrap_err()
            .to_string()
    }

    const OK: &str = "  - id: ok\n    title: t\n    severity: low\n    keywords: [k]\n    patterns: [{regex: 'k'}]\n";

    #[test]
    fn team_pattern_without_keywords_names_file_line_column_and_entry() {
        assert_eq!(
            err(&format!(
                "insecure:\n  patterns:\n{OK}  - id: nokw\n    title: t\n    severity: low\n    keywords: []\n    patterns: [{{regex: 'k'}}]\n"
            )),
            ".charter/charter.yaml:8:5: insecure.patterns[1]: pattern `nokw` needs at least one keyword and one pattern"
        );
    }

    #[test]
    fn team_pattern_without_patterns_names_the_entry() {
        assert_eq!(
            err(
                "insecure:\n  patterns:\n  - id: nopat\n    title: t\n    severity: low\n    keywords: [k]\n    patterns: []\n"
            ),
            ".charter/charter.yaml:3:5: insecure.patterns[0]: pattern `nopat` needs at least one keyword and one pattern"
        );
    }

    #[test]
    fn team_pattern_with_an_empty_keyword_names_the_entry() {
        assert_eq!(
            err(
                "insecure:\n  patterns:\n  - id: e\n    title: t\n    severity: low\n    keywords: [k, '']\n    patterns: [{regex: 'k'}]\n"
            ),
            ".charter/charter.yaml:3:5: insecure.patterns[0]: pattern `e`: empty keyword"
        );
    }

    #[test]
    fn team_pattern_defined_twice_names_the_second() {
        assert_eq!(
            err(&format!("insecure:\n  patterns:\n{OK}{OK}")),
            ".charter/charter.yaml:8:5: insecure.patterns[1]: pattern id `ok` is defined twice"
        );
    }
}
