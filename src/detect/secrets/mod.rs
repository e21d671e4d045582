//! Secret detection: rules as data, one aho-corasick keyword pass, regex confirmation, entropy, suppression.
//! Pure: bytes in, redacted findings out. Never stores or returns a full secret.
// PLACEHOLDER: owned by the secrets helper; the public types below are the contract with input.rs.

use crate::detect::LineMap;
use serde::{Deserialize, Serialize};

/// One detected secret. Holds no secret bytes: only a redacted preview and a hash-based fingerprint.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SecretFinding {
    pub rule_id: String,
    pub title: String,
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    /// Redacted preview, e.g. `AKIA…MPLE` (never the full secret).
    pub preview: String,
    /// Stable across line moves: rule id, path and a hash of the secret.
    pub fingerprint: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entropy: Option<f32>,
}

/// The charter's `secrets:` section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SecretsConfig {}

/// Compiled rules; build once, share across threads.
pub struct Scanner {}

#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    #[error("{origin}: {message}")]
    Invalid { origin: String, message: String },
}

impl Scanner {
    /// Built-in rules plus the charter's settings; `extra` holds gitleaks-format TOML configs as (origin, text).
    pub fn new(_config: &SecretsConfig, _extra: &[(String, String)]) -> Result<Scanner, RuleError> {
        Ok(Scanner {})
    }

    /// Scans `text` (the added lines of a diff, or a whole file) and appends findings to `out`.
    pub fn scan(&self, _path: &str, _text: &[u8], _lines: LineMap<'_>, _out: &mut Vec<SecretFinding>) {}
}
