//! Small shared types that cross stage boundaries: stages, severities, identities, violations.
//! No behaviour beyond formatting; nothing here touches git, regorus or the terminal.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The point in the git workflow at which git-charter runs. Policies see it as `input.stage`
/// and may restrict themselves to some stages through `custom.stages` in their METADATA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    PreCommit,
    CommitMsg,
    PrePush,
    Ci,
    Scan,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::PreCommit => "pre-commit",
            Stage::CommitMsg => "commit-msg",
            Stage::PrePush => "pre-push",
            Stage::Ci => "ci",
            Stage::Scan => "scan",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How serious a policy says its violations are. Taken from the policy's METADATA
/// (`custom.severity`); the rule set a result came from (`deny` or `warn`) decides whether it blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a violation blocks (`deny`) or is only shown (`warn`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Warn,
    Deny,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }
}

/// A git identity as `Name <email>`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Ident {
    pub name: String,
    pub email: String,
}

impl Ident {
    /// Parses `Name <email>` and also git's `GIT_AUTHOR_IDENT` form `Name <email> 1700000000 +0000`.
    pub fn parse(s: &str) -> Option<Ident> {
        let lt = s.find('<')?;
        let gt = lt + s[lt..].find('>')?;
        Some(Ident {
            name: s[..lt].trim().to_string(),
            email: s[lt + 1..gt].trim().to_string(),
        })
    }
}

impl fmt::Display for Ident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} <{}>", self.name, self.email)
    }
}

/// One policy result, enriched with the policy's METADATA. This is what reporters print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// Stable policy id from METADATA `custom.id`, e.g. `CH-SECRET-001`.
    pub policy_id: String,
    /// The Rego package the result came from, e.g. `charter.secrets`.
    pub package: String,
    pub title: String,
    pub level: Level,
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remediation: Option<String>,
    /// The commit the violation belongs to (CI and pre-push only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
}

/// A glob from the charter, checked with `globset` while the charter is parsed so a bad glob
/// is reported with the charter's file and line.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct GlobPattern(pub String);

impl<'de> Deserialize<'de> for GlobPattern {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        globset::GlobBuilder::new(&s)
            .literal_separator(true)
            .build()
            .map_err(|e| serde::de::Error::custom(format!("invalid glob `{s}`: {}", e.kind())))?;
        Ok(GlobPattern(s))
    }
}

impl GlobPattern {
    /// The compiled glob. `*` does not cross `/`; `**` does (gitignore-like).
    pub fn glob(&self) -> globset::Glob {
        globset::GlobBuilder::new(&self.0)
            .literal_separator(true)
            .build()
            .expect("validated while parsing")
    }
}

/// A regular expression from the charter or a rule file, checked while parsing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct RegexPattern(pub String);

impl<'de> Deserialize<'de> for RegexPattern {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        validate_regex(&s).map_err(|e| serde::de::Error::custom(format!("invalid regex `{s}`: {e}")))?;
        Ok(RegexPattern(s))
    }
}

/// Checks a regular expression's syntax the way `regex` will, without compiling it (parsing is
/// a small fraction of the cost of compiling, and most patterns are never needed in a given run).
/// Patterns that pass can still exceed `regex`'s size limit; that surfaces when they are compiled.
pub fn validate_regex(pattern: &str) -> Result<(), String> {
    regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// A regex compiled on first use. Detectors hold many rules but a commit touches few of them:
/// compiling only the rules whose keywords hit keeps the hook's start-up in the low milliseconds.
#[derive(Debug)]
pub struct LazyRegex {
    pattern: String,
    compiled: std::sync::OnceLock<Result<regex::bytes::Regex, String>>,
}

impl LazyRegex {
    /// Validates the syntax now; compiles later.
    pub fn new(pattern: &str) -> Result<LazyRegex, String> {
        validate_regex(pattern)?;
        Ok(LazyRegex {
            pattern: pattern.to_string(),
            compiled: std::sync::OnceLock::new(),
        })
    }

    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// The compiled regex. A pattern whose syntax is valid but that exceeds the compiled-size
    /// limit yields `None` (and never matches); `check` reports such patterns in rule tests.
    pub fn get(&self) -> Option<&regex::bytes::Regex> {
        self.compiled
            .get_or_init(|| regex::bytes::Regex::new(&self.pattern).map_err(|e| e.to_string()))
            .as_ref()
            .ok()
    }

    /// Compiles now and reports a failure (for rule-check tests and `policy check`).
    pub fn check(&self) -> Result<(), String> {
        self.get().map(|_| ()).ok_or_else(|| match self.compiled.get() {
            Some(Err(e)) => e.clone(),
            _ => "regex did not compile".to_string(),
        })
    }
}
