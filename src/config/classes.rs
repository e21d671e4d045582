//! The charter's `classes:` section: kinds of code the charter treats specially (auth, crypto,
//! infra, …), found by path globs and content signals. Compiled by `detect::classes`.

use super::checked::{self, Check};
use super::review::{AiRule, ReviewRequirement};
use crate::pattern::{GlobPattern, RegexPattern};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// The charter's `classes:` section: class name → definition. Default: the classes of
/// charter/default.yaml (auth, crypto, crypto-touch, infra, ci, secrets, deps).
pub type ClassesConfig = BTreeMap<String, ClassDef>;

/// A content signal: literals looked for in the added lines of a file. Give exactly one of
/// `any` and `all`, checked while the charter is parsed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Signal {
    /// A name shown by `classify_detailed`. Default: the first literal.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// The signal fires when any of these literals occurs. A `*` at either end lets the literal
    /// run into a longer identifier. Default: `[]`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub any: Vec<String>,
    /// The signal fires when every one of these literals occurs (anywhere in the added text); an
    /// entry may list alternatives separated by `|` (`"cookie|set_cookie"`), any of which counts.
    /// Default: `[]`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub all: Vec<String>,
    /// Points towards the class's `min_score`; a signal counts once however often it occurs.
    /// Default: `2`.
    pub weight: u32,
    /// Only files matching one of these globs are looked at. Default: `[]` (every file).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<GlobPattern>,
    /// Literals match ASCII case-insensitively unless this is set. Default: `false`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub case_sensitive: bool,
    /// When set, the line holding the literal must also match this regex. Default: absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regex: Option<RegexPattern>,
    /// When set, the line holding the literal must not match this regex (`password: true` is a
    /// setting, not a password). Default: absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unless: Option<RegexPattern>,
    /// Literals count only in code: not inside comments or string literals (as far as the file's
    /// language shows them), and never in prose or data files (Markdown, text, JSON, CSV, …) where
    /// every word is text. For words (`session`, `password`) that log messages and docs use as
    /// often as code does. Default: `false`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub code_only: bool,
    /// A literal does not count in a file that declares itself part of that namespace (`package
    /// io.jsonwebtoken.impl;`, `namespace Firebase\JWT;`, `module OmniAuth`): a library's own
    /// files name it everywhere, its users only where they use it. Default: `false`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not_in_own_namespace: bool,
}

impl Default for Signal {
    fn default() -> Self {
        Signal {
            id: String::new(),
            any: Vec::new(),
            all: Vec::new(),
            weight: 2,
            paths: Vec::new(),
            case_sensitive: false,
            regex: None,
            unless: None,
            code_only: false,
            not_in_own_namespace: false,
        }
    }
}

impl Check for Signal {
    const EXPECTING: &'static str = "struct Signal";

    fn check(&self, _: &mut HashSet<String>) -> Result<(), String> {
        if self.any.is_empty() == self.all.is_empty() {
            return Err("give exactly one of `any` or `all`".into());
        }
        let literals = if self.any.is_empty() {
            &self.all
        } else {
            &self.any
        };
        match literals.iter().find(|l| l.trim_matches('*').is_empty()) {
            Some(empty) => Err(format!("empty literal `{empty}`")),
            None => Ok(()),
        }
    }
}

/// One class of code the charter treats specially.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClassDef {
    /// Shown in docs only. Default: `""`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Set to false to switch a class (e.g. a default one) off. Default: `true`.
    pub enabled: bool,
    /// A path matching one of these is in the class. Default: `[]`.
    pub globs: Vec<GlobPattern>,
    /// A path matching one of these is never in the class (neither by glob nor by content).
    /// Default: `[]`; the default classes exclude docs, tests and vendored code.
    pub excludes: Vec<GlobPattern>,
    /// Content signals over the added lines. Default: `[]`.
    #[serde(deserialize_with = "checked::list")]
    pub signals: Vec<Signal>,
    /// Sum of the weights of distinct firing signals needed to put a file in the class.
    /// Default: `2`.
    pub min_score: u32,
    /// When set, a matching glob adds this many points towards `min_score` instead of putting
    /// the file in the class on its own: the path is one signal among several (`auth/` holds
    /// helpers and migrations as well as login code). A file with no added text (a deletion, a
    /// rename) is still in the class by its path. Default: absent (a glob decides alone).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path_weight: Option<u32>,
    /// Files this class claims by path get no class from content signals (dependency manifests
    /// name crates, CI files name tools; neither is the code those names suggest); a file it
    /// claims by its own content signals keeps only what other classes' globs give it.
    /// Default: `false`.
    pub exclusive: bool,
    /// This class is not reported when any of these classes is (a weaker variant of them).
    /// Each must name a class of the charter. Default: `[]`.
    pub yield_to: Vec<String>,
    /// What an AI-assisted change to this class needs. Default: `allow`.
    pub ai: AiRule,
    /// Who must sign off a change to this class. Default: one reviewer, for AI-assisted changes.
    pub review: ReviewRequirement,
    /// What a change to this class needs in signed approvals and commit signatures. Default: none.
    pub approvals: crate::config::ApprovalRequirement,
}

impl Default for ClassDef {
    fn default() -> Self {
        ClassDef {
            description: String::new(),
            enabled: true,
            globs: Vec::new(),
            excludes: Vec::new(),
            signals: Vec::new(),
            min_score: 2,
            path_weight: None,
            exclusive: false,
            yield_to: Vec::new(),
            ai: AiRule::Allow,
            review: ReviewRequirement::default(),
            approvals: crate::config::ApprovalRequirement::default(),
        }
    }
}

/// Names that must refer to another class, checked on the layered charter: a team's class may
/// yield to a default one. Only enabled classes are checked, as only they are compiled.
pub(super) fn check_references(classes: &ClassesConfig) -> Result<(), String> {
    for (name, def) in classes.iter().filter(|(_, d)| d.enabled) {
        if let Some(other) = def.yield_to.iter().find(|o| !classes.contains_key(*o)) {
            return Err(format!("classes.{name}.yield_to: unknown class `{other}`"));
        }
    }
    Ok(())
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

    #[test]
    fn signal_with_any_and_all_names_file_line_column_and_entry() {
        assert_eq!(
            err("classes:\n  auth:\n    signals:\n      - any: [a]\n        all: [b]\n"),
            ".charter/charter.yaml:4:9: classes.auth.signals[0]: give exactly one of `any` or `all`"
        );
    }

    #[test]
    fn signal_with_neither_any_nor_all_names_the_entry() {
        assert_eq!(
            err("classes:\n  auth:\n    signals:\n      - any: [a]\n      - weight: 1\n"),
            ".charter/charter.yaml:5:9: classes.auth.signals[1]: give exactly one of `any` or `all`"
        );
    }

    #[test]
    fn signal_with_an_empty_literal_names_the_entry() {
        assert_eq!(
            err("classes:\n  x:\n    signals: [{all: [ok, '*']}]\n"),
            ".charter/charter.yaml:3:15: classes.x.signals[0]: empty literal `*`"
        );
    }

    #[test]
    fn a_signal_that_is_not_a_mapping_says_what_was_expected() {
        assert_eq!(
            err("classes:\n  x:\n    signals: [3]\n"),
            ".charter/charter.yaml:3:15: classes.x.signals[0]: invalid type: integer `3`, expected struct Signal"
        );
    }

    #[test]
    fn yield_to_an_unknown_class_names_the_file_and_key() {
        assert_eq!(
            err("classes:\n  weak:\n    yield_to: [strnog]\n"),
            ".charter/charter.yaml:3:5: classes.weak.yield_to: unknown class `strnog`"
        );
    }

    #[test]
    fn yield_to_a_default_class_and_from_a_disabled_class_are_fine() {
        let path = Path::new(".charter/charter.yaml");
        let c = from_team_text(path, "classes:\n  weak:\n    yield_to: [crypto]\n").unwrap();
        assert_eq!(c.classes["weak"].yield_to, ["crypto"]);
        from_team_text(
            path,
            "classes:\n  weak:\n    enabled: false\n    yield_to: [strnog]\n",
        )
        .unwrap();
    }
}
