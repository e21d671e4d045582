//! Classification of changed files into charter classes (auth, crypto, infra, ci, …) and path tiers.
// PLACEHOLDER: owned by the classes helper.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The charter's `classes:` section: class name → definition.
pub type ClassesConfig = BTreeMap<String, ClassDef>;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClassDef {}

/// The charter's `tiers:` section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TiersConfig {}

#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct ClassError {
    pub message: String,
}

pub struct Classifier {}

impl Classifier {
    pub fn new(_classes: &ClassesConfig, _tiers: &TiersConfig) -> Result<Classifier, ClassError> {
        Ok(Classifier {})
    }

    /// Classes of a changed file from its path and its added text, sorted and unique.
    pub fn classify(&self, _path: &str, _added: &[u8]) -> Vec<String> {
        Vec::new()
    }

    /// The tier of a path (`experimental`, `trusted`, `critical`, or the charter's default).
    pub fn tier(&self, _path: &str) -> String {
        "trusted".to_string()
    }
}
