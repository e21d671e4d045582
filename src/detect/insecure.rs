//! Insecure code patterns AI assistants tend to write, as rules with examples; matched on added lines.
// PLACEHOLDER: owned by the classes helper.

use crate::detect::LineMap;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PatternMatch {
    pub id: String,
    pub title: String,
    pub path: String,
    pub line: u32,
}

/// The charter's `insecure:` section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InsecureConfig {}

pub struct InsecureScanner {}

#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct InsecureError {
    pub message: String,
}

impl InsecureScanner {
    pub fn new(_config: &InsecureConfig) -> Result<InsecureScanner, InsecureError> {
        Ok(InsecureScanner {})
    }

    pub fn scan(&self, _path: &str, _text: &[u8], _lines: LineMap<'_>, _out: &mut Vec<PatternMatch>) {}
}
