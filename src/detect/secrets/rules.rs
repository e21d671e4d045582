//! Rule data: the TOML schema of the embedded rule files under `rules/secrets/`, loading and compiling them.
//! Knows nothing about scanning; the engine consumes `CompiledRule`s built here (and by the gitleaks importer).

use super::RuleError;
use super::checksum::Checksum;
use crate::pattern::{self, LazyRegex, Syntax};
use regex::bytes::Regex;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The embedded rule files, in the order `git charter rules` lists them.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "rules/secrets/cloud.toml",
        include_str!("../../../rules/secrets/cloud.toml"),
    ),
    (
        "rules/secrets/vcs.toml",
        include_str!("../../../rules/secrets/vcs.toml"),
    ),
    (
        "rules/secrets/ai.toml",
        include_str!("../../../rules/secrets/ai.toml"),
    ),
    (
        "rules/secrets/payment.toml",
        include_str!("../../../rules/secrets/payment.toml"),
    ),
    (
        "rules/secrets/messaging.toml",
        include_str!("../../../rules/secrets/messaging.toml"),
    ),
    (
        "rules/secrets/registries.toml",
        include_str!("../../../rules/secrets/registries.toml"),
    ),
    (
        "rules/secrets/saas.toml",
        include_str!("../../../rules/secrets/saas.toml"),
    ),
    (
        "rules/secrets/database.toml",
        include_str!("../../../rules/secrets/database.toml"),
    ),
    (
        "rules/secrets/keys.toml",
        include_str!("../../../rules/secrets/keys.toml"),
    ),
    (
        "rules/secrets/generic.toml",
        include_str!("../../../rules/secrets/generic.toml"),
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

/// A rule ready to run. Built from a `RuleSpec` or from a gitleaks rule.
#[derive(Debug, Clone)]
pub struct CompiledRule {
    pub id: String,
    pub title: String,
    pub origin: String,
    pub keywords: Vec<String>,
    /// Compiled on first use: a hook touches a handful of rules, and compiling all of them costs more than the scan.
    pub regex: LazyRegex,
    /// Derived from the compiled regex on first use (imported rules set them while loading).
    pub groups: OnceLock<Groups>,
    pub entropy: Option<f32>,
    pub checksum: Option<Checksum>,
    /// Suppressions: the built-in `allow`/`stopwords` and imported gitleaks allowlists.
    pub allowlists: Vec<AllowList>,
    pub generic: bool,
    pub multiline: bool,
    pub next_lines: u32,
    pub pair: Option<PairSpec>,
    /// gitleaks `path`: the rule only applies to matching paths.
    pub path: Option<Regex>,
    /// gitleaks rules may omit regex and match on the path alone.
    pub path_only: bool,
    /// Built-in rules skip placeholders and degenerate values; imported rules decide for themselves.
    pub placeholder_filter: bool,
    pub references: Vec<String>,
}

/// The capture groups of a rule's regex that hold the secret and the variable name.
#[derive(Debug, Clone)]
pub struct Groups {
    /// Candidate secret groups in order of preference; `true` marks an unquoted value.
    pub secret: Vec<(usize, bool)>,
    /// Groups holding the variable name (`name`, `name2`, …), for the generic checks.
    pub name: Vec<usize>,
    /// A group named `code` that, when it takes part, marks the value as an expression (`getToken(`).
    pub code: Option<usize>,
}

impl Groups {
    /// Named groups `secret`, `secret2`, … and `bare` (unquoted) are candidates; without them,
    /// group 1 (or the match).
    pub fn of(regex: &Regex) -> Groups {
        let mut secret = Vec::new();
        let mut name = Vec::new();
        for (i, n) in regex.capture_names().enumerate() {
            match n {
                Some(n) if n.starts_with("secret") => secret.push((i, false)),
                Some(n) if n.starts_with("bare") => secret.push((i, true)),
                Some(n) if n.starts_with("name") => name.push(i),
                _ => {}
            }
        }
        if secret.is_empty() {
            secret.push((if regex.captures_len() > 1 { 1 } else { 0 }, false));
        }
        Groups {
            secret,
            name,
            code: regex.capture_names().position(|n| n == Some("code")),
        }
    }
}

impl CompiledRule {
    /// The compiled regex and its groups; `None` only for a built-in pattern that does not
    /// compile, which `rules check` rules out.
    pub fn matcher(&self) -> Option<(&Regex, &Groups)> {
        let regex = self.regex.get()?;
        Some((regex, self.groups.get_or_init(|| Groups::of(regex))))
    }
}

/// What an allowlist regex is matched against (gitleaks `regexTarget`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Secret,
    Match,
    Line,
}

/// A set of suppressions; with `and`, every non-empty criterion must hold (gitleaks `condition = "AND"`).
#[derive(Debug, Clone)]
pub struct AllowList {
    pub and: bool,
    pub target: Target,
    pub regexes: Vec<Regex>,
    pub paths: Vec<Regex>,
    /// Lowercased; matched case-insensitively against the secret.
    pub stopwords: Vec<String>,
}

impl AllowList {
    pub fn is_empty(&self) -> bool {
        self.regexes.is_empty() && self.paths.is_empty() && self.stopwords.is_empty()
    }

    /// Only paths: decidable before scanning a file.
    pub fn paths_only(&self) -> bool {
        !self.paths.is_empty() && self.regexes.is_empty() && self.stopwords.is_empty()
    }

    pub fn allows(&self, path: &str, secret: &[u8], matched: &[u8], line: &[u8]) -> bool {
        let target = match self.target {
            Target::Secret => secret,
            Target::Match => matched,
            Target::Line => line,
        };
        let checks = [
            (!self.regexes.is_empty()).then(|| self.regexes.iter().any(|r| r.is_match(target))),
            (!self.paths.is_empty())
                .then(|| self.paths.iter().any(|r| r.is_match(path.as_bytes()))),
            (!self.stopwords.is_empty()).then(|| {
                self.stopwords
                    .iter()
                    .any(|w| super::filters::contains_ci(secret, w.as_bytes()))
            }),
        ];
        let mut set = checks.iter().flatten().peekable();
        if set.peek().is_none() {
            return false;
        }
        if self.and {
            set.all(|&b| b)
        } else {
            set.any(|&b| b)
        }
    }
}

/// Compiles a user or built-in regex: byte-oriented, ASCII classes (as Go's RE2 has) for speed,
/// Unicode mode for patterns that need it.
pub fn compile_regex(pattern: &str) -> Result<Regex, String> {
    pattern::compile(pattern, Syntax::Catalogue)
}

impl RuleSpec {
    pub fn compile(&self, origin: &str) -> Result<CompiledRule, RuleError> {
        let err = |message: String| RuleError::Invalid {
            origin: format!("{origin}: rule `{}`", self.id),
            message,
        };
        let allow = self
            .allow
            .iter()
            .map(|a| compile_regex(a).map_err(|e| err(format!("invalid allow regex `{a}`: {e}"))))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(CompiledRule {
            id: self.id.clone(),
            title: self.title.clone(),
            origin: origin.to_string(),
            keywords: self.keywords.clone(),
            regex: LazyRegex::unchecked(&self.regex, Syntax::Catalogue),
            groups: OnceLock::new(),
            entropy: self.entropy,
            checksum: self.checksum,
            allowlists: vec![AllowList {
                and: false,
                target: Target::Secret,
                regexes: allow,
                paths: Vec::new(),
                stopwords: self
                    .stopwords
                    .iter()
                    .map(|s| s.to_ascii_lowercase())
                    .collect(),
            }],
            generic: self.generic,
            multiline: self.multiline,
            next_lines: self.next_lines,
            pair: self.pair.clone(),
            path: None,
            path_only: false,
            placeholder_filter: true,
            references: self.references.clone(),
        })
    }
}

/// Parses and checks every embedded rule file (ids unique and well-formed, keywords present).
pub fn builtin_specs() -> Result<Vec<(String, RuleSpec)>, RuleError> {
    let mut out = Vec::new();
    for (origin, text) in BUILTIN_FILES {
        let file: RuleFile = toml::from_str(text).map_err(|e| RuleError::Invalid {
            origin: (*origin).to_string(),
            message: e.to_string(),
        })?;
        for r in file.rule {
            out.push(((*origin).to_string(), r));
        }
    }
    check_specs(&out)?;
    Ok(out)
}

/// The invariants `git charter rules` and the rule tests rely on.
pub fn check_specs(specs: &[(String, RuleSpec)]) -> Result<(), RuleError> {
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
        if r.examples.is_empty() {
            return Err(err("a rule needs at least one example"));
        }
    }
    Ok(())
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}
