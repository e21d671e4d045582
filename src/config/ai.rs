//! The charter's `ai:` section: the team's own AI-tool signatures, in the schema of the built-in
//! catalogue (rules/ai-signatures.yaml), and built-in ids to switch off. Run by `detect::ai`.

use super::checked::{self, Check};
use crate::model::RegexPattern;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// How strongly a piece of evidence says an AI tool was involved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    Weak,
    Medium,
    Strong,
}

/// The part of a commit a signature is run on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Where {
    /// Each line of the message.
    Message,
    /// The subject line.
    Subject,
    /// `Key: value`, for trailers git parsed and trailer-shaped lines anywhere in the message.
    Trailer,
    /// The author as `Name <email>`.
    Author,
    /// The committer as `Name <email>`.
    Committer,
}

/// One signature as written in the catalogue or a charter. `P` is the pattern type: plain
/// strings in the built-in file (they may use `{{vocabulary}}`), checked regexes in a charter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureSpec<P> {
    /// Stable id, reported as `signature`; unique among all signatures. Required.
    pub id: String,
    /// Tool name reported with the evidence; a `(?P<tool>…)` group in the pattern overrides it.
    /// Required.
    pub tool: String,
    /// How strong a match is as evidence: `weak`, `medium` or `strong`. Required.
    pub strength: Strength,
    /// Where the pattern is run: `message` (each line), `subject`, `trailer` (`Key: value`, for
    /// trailers git parsed and trailer-shaped lines anywhere in the message), `author`, `committer`
    /// (`Name <email>`). Required, not empty.
    pub applies_to: Vec<Where>,
    /// The regex that finds the evidence. Required.
    pub pattern: P,
    /// A match is dropped when one of these matches the same text (for `message`, the same line).
    /// Default: `[]`.
    #[serde(default = "Vec::new")]
    pub exclude: Vec<P>,
    /// Only tried on texts that no ordinary signature, and no earlier fallback, matched.
    /// Default: `false`.
    #[serde(default)]
    pub fallback: bool,
    /// What the signature recognises, for people. Default: `""`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Texts the signature must match (`rules check` runs them). Default: `[]`.
    #[serde(default)]
    pub examples: Vec<String>,
    /// Texts the signature must not match. Default: `[]`.
    #[serde(default)]
    pub negative_examples: Vec<String>,
}

/// A signature from a team's charter: same schema as the catalogue, regexes checked while parsing.
pub type SignatureDef = SignatureSpec<RegexPattern>;

impl Check for SignatureDef {
    const EXPECTING: &'static str = "struct SignatureSpec";

    fn check(&self, ids: &mut HashSet<String>) -> Result<(), String> {
        if self.applies_to.is_empty() {
            return Err(format!("signature `{}`: `applies_to` is empty", self.id));
        }
        // Against the built-in ids it is checked when the catalogue is loaded (`detect::ai`).
        if !ids.insert(self.id.clone()) {
            return Err(format!("signature id `{}` is already defined", self.id));
        }
        Ok(())
    }
}

/// The charter's `ai:` section (team-added signatures).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AiConfig {
    /// Extra signatures, in the schema of rules/ai-signatures.yaml (no `{{vocabulary}}`).
    /// Default: `[]`.
    #[serde(deserialize_with = "checked::list")]
    pub signatures: Vec<SignatureDef>,
    /// Built-in signature ids to switch off. Default: `[]`.
    pub disable: Vec<String>,
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

    const SIG: &str = "    - id: acme\n      tool: Acme\n      strength: strong\n      applies_to: [author]\n      pattern: 'acme'\n";

    #[test]
    fn signature_with_empty_applies_to_names_file_line_column_and_entry() {
        assert_eq!(
            err(
                "ai:\n  signatures:\n    - id: acme\n      tool: Acme\n      strength: strong\n      applies_to: []\n      pattern: 'acme'\n"
            ),
            ".charter/charter.yaml:3:7: ai.signatures[0]: signature `acme`: `applies_to` is empty"
        );
    }

    #[test]
    fn signature_defined_twice_names_the_second() {
        assert_eq!(
            err(&format!("ai:\n  signatures:\n{SIG}{SIG}")),
            ".charter/charter.yaml:8:7: ai.signatures[1]: signature id `acme` is already defined"
        );
    }
}
