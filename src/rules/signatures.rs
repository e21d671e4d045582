//! The schema of AI-signature catalogues (`rules/ai-signatures.yaml`, and a charter's
//! `ai.signatures`, which use the same format): `{{vocabulary}}` expansion and loading. Data only.

use super::RuleError;
use crate::model::Strength;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The built-in catalogue, embedded. `{{name}}` in its patterns expands to `vocabulary.name`.
pub const BUILTIN_SIGNATURES: &str = include_str!("../../rules/ai-signatures.yaml");
pub const BUILTIN_NAME: &str = "<embedded>/rules/ai-signatures.yaml";
/// Its path in the repository (`rules::embedded`).
pub const BUILTIN_PATH: &str = "rules/ai-signatures.yaml";

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
    /// An agent hook: the agent itself said it is making the change (never in a signature).
    #[serde(skip_deserializing)]
    Agent,
    /// A provenance record (git-ai note, Agent Trace record) attributes lines to an AI (never in
    /// a signature).
    #[serde(skip_deserializing)]
    Provenance,
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

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    #[serde(default)]
    pub vocabulary: BTreeMap<String, String>,
    pub signatures: Vec<SignatureSpec<String>>,
    /// Texts that must give no strong or medium evidence from any signature (a message, a trailer
    /// line or an identity): the catalogue-wide counterpart of each signature's negative examples.
    #[serde(default)]
    pub hard_negatives: Vec<String>,
}

pub use super::vocabulary::expand;

/// The built-in catalogue with its vocabulary expanded, as written (examples included).
pub fn builtin_specs() -> Result<Vec<SignatureSpec<String>>, RuleError> {
    let err = |message: String| RuleError::Invalid {
        origin: BUILTIN_NAME.to_string(),
        message,
    };
    let cat = builtin_catalogue()?;
    let mut out = Vec::with_capacity(cat.signatures.len());
    for mut s in cat.signatures {
        s.pattern = expand(&s.pattern, &cat.vocabulary)
            .map_err(|m| err(format!("signature `{}`: {m}", s.id)))?;
        for e in &mut s.exclude {
            *e = expand(e, &cat.vocabulary)
                .map_err(|m| err(format!("signature `{}`: {m}", s.id)))?;
        }
        out.push(s);
    }
    Ok(out)
}

pub fn builtin_catalogue() -> Result<Catalogue, RuleError> {
    super::embedded::read(BUILTIN_PATH).map_err(|message| RuleError::Invalid {
        origin: BUILTIN_NAME.to_string(),
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_signature_applies_somewhere_and_ids_are_unique() {
        let specs = builtin_specs().unwrap();
        let mut ids = std::collections::HashSet::new();
        for s in &specs {
            assert!(!s.applies_to.is_empty(), "{}: applies_to is empty", s.id);
            assert!(ids.insert(s.id.as_str()), "{}: duplicate id", s.id);
        }
    }
}
