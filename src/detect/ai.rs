//! AI-tool evidence in commit messages and identities: a catalogue of signatures as data.
// PLACEHOLDER: owned by the commit-message helper.

use crate::detect::trailers::Trailer;
use crate::model::Ident;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    Weak,
    Medium,
    Strong,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Where {
    Message,
    Subject,
    Trailer,
    Author,
    Committer,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AiEvidence {
    pub signature: String,
    pub tool: String,
    pub strength: Strength,
    #[serde(rename = "where")]
    pub location: Where,
    pub text: String,
}

/// The charter's `ai:` section (team-added signatures).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AiConfig {}

/// The charter's `disclosure:` section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DisclosureConfig {}

pub struct Signatures {}

#[derive(Debug, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct SignatureError {
    pub origin: String,
    pub message: String,
}

impl Signatures {
    pub fn new(_config: &AiConfig) -> Result<Signatures, SignatureError> {
        Ok(Signatures {})
    }

    pub fn detect(
        &self,
        _message: &str,
        _trailers: &[Trailer],
        _author: Option<&Ident>,
        _committer: Option<&Ident>,
    ) -> Vec<AiEvidence> {
        Vec::new()
    }
}
