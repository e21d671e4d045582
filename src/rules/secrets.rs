//! The schema of the embedded secret rule files (`rules/secrets/*.toml`) and their loading.
//! Data only: the engine in `detect::secrets` compiles these onto the matching kernel.

use super::RuleError;
use serde::{Deserialize, Serialize};

/// A checksum a rule asks the engine to verify on its secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Checksum {
    /// `<prefix>_<30 base62><6 base62 CRC32 of the 30>` (GitHub `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_`, npm `npm_`).
    Crc32Base62,
}

/// The embedded rule files, in the order `git charter rules` lists them.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "rules/secrets/cloud.toml",
        include_str!("../../rules/secrets/cloud.toml"),
    ),
    (
        "rules/secrets/vcs.toml",
        include_str!("../../rules/secrets/vcs.toml"),
    ),
    (
        "rules/secrets/ai.toml",
        include_str!("../../rules/secrets/ai.toml"),
    ),
    (
        "rules/secrets/payment.toml",
        include_str!("../../rules/secrets/payment.toml"),
    ),
    (
        "rules/secrets/messaging.toml",
        include_str!("../../rules/secrets/messaging.toml"),
    ),
    (
        "rules/secrets/registries.toml",
        include_str!("../../rules/secrets/registries.toml"),
    ),
    (
        "rules/secrets/saas.toml",
        include_str!("../../rules/secrets/saas.toml"),
    ),
    (
        "rules/secrets/business.toml",
        include_str!("../../rules/secrets/business.toml"),
    ),
    (
        "rules/secrets/devops.toml",
        include_str!("../../rules/secrets/devops.toml"),
    ),
    (
        "rules/secrets/services.toml",
        include_str!("../../rules/secrets/services.toml"),
    ),
    (
        "rules/secrets/credentials.toml",
        include_str!("../../rules/secrets/credentials.toml"),
    ),
    (
        "rules/secrets/database.toml",
        include_str!("../../rules/secrets/database.toml"),
    ),
    (
        "rules/secrets/keys.toml",
        include_str!("../../rules/secrets/keys.toml"),
    ),
    (
        "rules/secrets/generic.toml",
        include_str!("../../rules/secrets/generic.toml"),
    ),
];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    #[serde(default)]
    pub rule: Vec<RuleSpec>,
}

/// Pairs a rule with a companion found within a few lines (an AWS key id and its secret): reported as one finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairSpec {
    /// Id of the companion rule.
    pub with: String,
    /// Maximum distance in lines between the two.
    pub within_lines: u32,
    /// Title of the combined finding.
    pub title: String,
}

/// One rule as written in a rule file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub id: String,
    pub title: String,
    /// Literal strings (ASCII case-insensitive) one of which must occur for the regex to run.
    pub keywords: Vec<String>,
    /// The secret is the group named `secret` (or `secret2`, or `bare` for unquoted values), else group 1.
    pub regex: String,
    /// Minimum Shannon entropy (bits per byte) of the secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entropy: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum: Option<Checksum>,
    /// Regexes that, matching the secret, suppress the finding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<String>,
    /// Case-insensitive substrings that, found in the secret, suppress the finding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stopwords: Vec<String>,
    /// Generic `name = value` rule: the value must look random and the name must not describe metadata.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub generic: bool,
    /// The match may continue up to 64 KiB past the keyword's line (PEM blocks).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub multiline: bool,
    /// The match may continue this many lines past the keyword's line (a name and its value on the next line).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub next_lines: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pair: Option<PairSpec>,
    pub examples: Vec<String>,
    #[serde(default)]
    pub negative_examples: Vec<String>,
    #[serde(default)]
    pub references: Vec<String>,
}

/// Parses and checks every embedded rule file (ids unique and well-formed, keywords present).
pub fn builtin_specs() -> Result<Vec<(String, RuleSpec)>, RuleError> {
    specs_from(super::embedded::read, true)
}

/// `builtin_specs` without the examples, negative examples and references: what a scan compiles.
pub fn builtin_specs_for_scan() -> Result<Vec<(String, RuleSpec)>, RuleError> {
    specs_from(super::embedded::read_for_scan, false)
}

fn specs_from(
    read: fn(&str) -> Result<RuleFile, String>,
    with_examples: bool,
) -> Result<Vec<(String, RuleSpec)>, RuleError> {
    let mut out = Vec::new();
    for (origin, _) in BUILTIN_FILES {
        let file: RuleFile = read(origin).map_err(|message| RuleError::Invalid {
            origin: (*origin).to_string(),
            message,
        })?;
        for r in file.rule {
            out.push(((*origin).to_string(), r));
        }
    }
    if with_examples {
        check_specs(&out)?;
    } else {
        check_ids_and_keywords(&out)?;
    }
    Ok(out)
}

/// The invariants `git charter rules` and the rule tests rely on.
pub fn check_specs(specs: &[(String, RuleSpec)]) -> Result<(), RuleError> {
    check_ids_and_keywords(specs)?;
    if let Some((origin, r)) = specs.iter().find(|(_, r)| r.examples.is_empty()) {
        return Err(RuleError::Invalid {
            origin: format!("{origin}: rule `{}`", r.id),
            message: "a rule needs at least one example".into(),
        });
    }
    Ok(())
}

/// Ids well-formed and unique, keywords present: what a scan relies on.
fn check_ids_and_keywords(specs: &[(String, RuleSpec)]) -> Result<(), RuleError> {
    let mut seen = std::collections::HashSet::new();
    for (origin, r) in specs {
        let err = |message: &str| RuleError::Invalid {
            origin: format!("{origin}: rule `{}`", r.id),
            message: message.to_string(),
        };
        if r.id.is_empty()
            || !r
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(err("id must be lowercase ASCII letters, digits and dashes"));
        }
        if !seen.insert(r.id.as_str()) {
            return Err(err("duplicate rule id"));
        }
        if r.keywords.is_empty() || r.keywords.iter().any(|k| k.len() < 2) {
            return Err(err(
                "a rule needs keywords of at least two characters (the prefilter)",
            ));
        }
    }
    Ok(())
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}
