//! `.charter/baseline.json`: fingerprints of secret findings a team has accepted. Parsed here, once,
//! whether the text came from the work tree or from a commit; written by `git charter baseline`.

use super::ConfigError;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::Path;

/// The file's shape. A missing file is an empty baseline.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<BaselineEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    pub fingerprint: String,
    pub rule_id: String,
    pub path: String,
}

impl Baseline {
    /// Parses the file's text; `path` names it in errors (with line and column).
    pub fn parse(path: &Path, text: &str) -> Result<Baseline, ConfigError> {
        serde_json::from_str(text).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            location: Some((e.line(), e.column())),
            message: format!("invalid baseline: {e}"),
        })
    }

    /// A baseline of these entries, sorted and without duplicates.
    pub fn new(mut findings: Vec<BaselineEntry>) -> Baseline {
        findings.sort();
        findings.dedup();
        Baseline {
            version: 1,
            findings,
        }
    }

    /// The fingerprints, for filtering findings.
    pub fn fingerprints(&self) -> HashSet<String> {
        self.findings
            .iter()
            .map(|e| e.fingerprint.clone())
            .collect()
    }

    /// The file's text as `git charter baseline` writes it.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("baseline serialises") + "\n"
    }
}
