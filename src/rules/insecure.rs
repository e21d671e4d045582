//! The schema of insecure-pattern rule files (`rules/insecure/*.yaml`, and a charter's
//! `insecure.patterns`, which use the same format) and loading the built-in ones. Data only.

use super::RuleError;
use crate::model::Severity;
use crate::pattern::{GlobPattern, RegexPattern};
use serde::{Deserialize, Serialize};

/// The built-in rule files, embedded. Each is `rules: [...]` in the format of `InsecureRule`.
pub const BUILTIN_RULE_FILES: &[(&str, &str)] = &[
    (
        "rules/insecure/code.yaml",
        include_str!("../../rules/insecure/code.yaml"),
    ),
    (
        "rules/insecure/crypto.yaml",
        include_str!("../../rules/insecure/crypto.yaml"),
    ),
    (
        "rules/insecure/web.yaml",
        include_str!("../../rules/insecure/web.yaml"),
    ),
    (
        "rules/insecure/infra.yaml",
        include_str!("../../rules/insecure/infra.yaml"),
    ),
    (
        "rules/insecure/ci.yaml",
        include_str!("../../rules/insecure/ci.yaml"),
    ),
];

/// One insecure pattern: data with examples, like a secret rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InsecureRule {
    pub id: String,
    pub title: String,
    pub severity: Severity,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub remediation: String,
    /// Literals for the prefilter (ASCII case-insensitive); a line is looked at only if one occurs in it.
    pub keywords: Vec<String>,
    /// The rule matches a line when any of these matches it.
    pub patterns: Vec<PatternDef>,
    /// Paths this rule never looks at.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_paths: Vec<GlobPattern>,
    /// Rules of other tools covering the same thing (`bandit: B501`, `gosec: G402`, …).
    #[serde(default)]
    pub references: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
    #[serde(default)]
    pub negative_examples: Vec<Example>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternDef {
    pub regex: RegexPattern,
    /// Only files matching one of these (empty: every file).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<GlobPattern>,
    /// The line does not count when it also matches this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unless: Option<RegexPattern>,
    /// The line counts only when this matches within `context_lines` lines of it (either side).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<RegexPattern>,
    #[serde(default)]
    pub context_lines: u32,
    /// YAML files: the line counts only when the key whose value it is matches this regex (the
    /// key's own line, or a line of its block or multi-line scalar, e.g. `run: |`). A line whose
    /// key is not in the scanned text (a diff hunk that starts inside a block) counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yaml_key: Option<RegexPattern>,
}

/// A rule example: text alone (scanned as `example.txt`) or text with the path it would have.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Example {
    Text(String),
    At { path: String, text: String },
}

impl Example {
    pub fn path(&self) -> &str {
        match self {
            Example::Text(_) => "example.txt",
            Example::At { path, .. } => path,
        }
    }

    pub fn text(&self) -> &str {
        match self {
            Example::Text(t) | Example::At { text: t, .. } => t,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    pub rules: Vec<InsecureRule>,
}

/// The built-in rules, parsed. Their regexes and globs are valid (`rules check` and a test pin it),
/// so they are read without checking them again: this runs on every hook.
pub fn builtin_rules() -> Result<Vec<InsecureRule>, RuleError> {
    let mut rules = Vec::new();
    for (origin, _) in BUILTIN_RULE_FILES {
        let file: RuleFile =
            crate::pattern::trusted(|| super::embedded::read(origin)).map_err(|message| {
                RuleError::Invalid {
                    origin: (*origin).to_string(),
                    message,
                }
            })?;
        rules.extend(file.rules);
    }
    Ok(rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Read as a team's file would be (every regex and glob checked), the built-ins are the same.
    #[test]
    fn builtin_rules_are_valid_when_checked() {
        let mut checked = Vec::new();
        for (origin, text) in BUILTIN_RULE_FILES {
            let file: RuleFile =
                yaml_serde::from_str(text).unwrap_or_else(|e| panic!("{origin}: {e}"));
            checked.extend(file.rules);
        }
        assert_eq!(checked, builtin_rules().unwrap());
        for r in &checked {
            assert!(
                !r.patterns.is_empty() && !r.keywords.is_empty(),
                "{}: needs keywords and patterns",
                r.id
            );
            assert!(r.keywords.iter().all(|k| !k.is_empty()), "{}", r.id);
        }
    }
}
