//! The schema of gitleaks / betterleaks TOML configs (`[[rules]]`, allowlists, `[extend]`), as a
//! team points `secrets.gitleaks_config` at one. Data only: `detect::secrets` compiles it.

use super::RuleError;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Config {
    #[serde(default)]
    pub extend: Option<Extend>,
    #[serde(default)]
    pub rules: Vec<Rule>,
    #[serde(default)]
    pub allowlist: Option<Allow>,
    #[serde(default)]
    pub allowlists: Vec<Allow>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Extend {
    pub use_default: Option<bool>,
    pub path: Option<String>,
    pub url: Option<String>,
    #[serde(default)]
    pub disabled_rules: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    pub id: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub regex: Option<String>,
    #[serde(default)]
    pub secret_group: Option<usize>,
    #[serde(default)]
    pub entropy: Option<f64>,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub allowlist: Option<Allow>,
    #[serde(default)]
    pub allowlists: Vec<Allow>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Allow {
    #[serde(default)]
    pub condition: Option<String>,
    #[serde(default)]
    pub regex_target: Option<String>,
    #[serde(default)]
    pub regexes: Vec<String>,
    #[serde(default)]
    pub paths: Vec<String>,
    #[serde(default)]
    pub stopwords: Vec<String>,
}

/// Parses a gitleaks config; errors name `origin`.
pub fn parse(origin: &str, text: &str) -> Result<Config, RuleError> {
    toml::from_str(text).map_err(|e| RuleError::Invalid {
        origin: origin.to_string(),
        message: e.to_string(),
    })
}
