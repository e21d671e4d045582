//! The small shared vocabulary that crosses stage boundaries: stages, severities, levels, identities,
//! violations. Depends on nothing but serde; no git, no regorus, no terminal, no matching.

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

/// How strongly a piece of evidence says an AI tool took part in a commit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    Weak,
    Medium,
    Strong,
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
