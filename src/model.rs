//! The small shared vocabulary that crosses stage boundaries: stages, severities, levels, evidence
//! strength, identities, violations, file status and skip reasons. Depends on nothing but serde.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::PathBuf;

/// The point in the git workflow at which git-charter runs. Policies see it as `input.stage`
/// and may restrict themselves to some stages through `custom.stages` in their METADATA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    PreCommit,
    CommitMsg,
    PrePush,
    Ci,
    Scan,
    /// An agent's tool call, judged by `git charter agent-hook` before or after it runs.
    Agent,
}

impl Stage {
    /// Every stage, in workflow order (the CLI lists them in this order).
    pub const ALL: [Stage; 6] = [
        Stage::PreCommit,
        Stage::CommitMsg,
        Stage::PrePush,
        Stage::Ci,
        Stage::Scan,
        Stage::Agent,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::PreCommit => "pre-commit",
            Stage::CommitMsg => "commit-msg",
            Stage::PrePush => "pre-push",
            Stage::Ci => "ci",
            Stage::Scan => "scan",
            Stage::Agent => "agent",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not one of the values of a vocabulary enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue(pub String);

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown value `{}`", self.0)
    }
}

impl std::error::Error for UnknownValue {}

impl std::str::FromStr for Stage {
    type Err = UnknownValue;

    fn from_str(s: &str) -> Result<Stage, UnknownValue> {
        Stage::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| UnknownValue(s.to_string()))
    }
}

/// How a file changed, as `input.files[].status`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileStatus {
    Added,
    #[default]
    Modified,
    Deleted,
    Renamed,
    Copied,
    Typechange,
    /// An unresolved merge conflict in the index.
    Conflicted,
}

/// Why a changed file's content was not scanned, as `input.files[].skipped`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkipReason {
    /// A NUL byte in the first 8000 bytes.
    Binary,
    /// Larger than `limits.max_file_size`.
    TooLarge,
    Submodule,
    Symlink,
    /// Nothing left to scan.
    Deleted,
    /// An unresolved merge conflict in the index.
    Conflicted,
    /// The index names no content (intent-to-add).
    Unavailable,
    /// A file on disk that could not be read (`scan`).
    Unreadable,
}

/// What `init` did with one starter file: written, or kept because it already existed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InitAction {
    Wrote(PathBuf),
    Kept(PathBuf),
}

/// The agents `git charter agent-hook` speaks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Agent {
    Claude,
    Codex,
    Gemini,
    Cursor,
    Copilot,
}

impl Agent {
    pub const ALL: [Agent; 5] = [
        Agent::Claude,
        Agent::Codex,
        Agent::Gemini,
        Agent::Cursor,
        Agent::Copilot,
    ];

    /// The name on the command line (`git charter agent-hook claude`).
    pub fn as_str(self) -> &'static str {
        match self {
            Agent::Claude => "claude",
            Agent::Codex => "codex",
            Agent::Gemini => "gemini",
            Agent::Cursor => "cursor",
            Agent::Copilot => "copilot",
        }
    }

    /// The tool's id in the input document and in a suggested disclosure (`AGENT:MODEL`).
    pub fn tool_id(self) -> &'static str {
        match self {
            Agent::Claude => "claude-code",
            Agent::Codex => "codex",
            Agent::Gemini => "gemini-cli",
            Agent::Cursor => "cursor",
            Agent::Copilot => "copilot",
        }
    }

    /// The product's name, for messages.
    pub fn display(self) -> &'static str {
        match self {
            Agent::Claude => "Claude Code",
            Agent::Codex => "OpenAI Codex",
            Agent::Gemini => "Gemini CLI",
            Agent::Cursor => "Cursor",
            Agent::Copilot => "GitHub Copilot",
        }
    }
}

impl std::fmt::Display for Agent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Agent {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Agent, Self::Err> {
        Agent::ALL
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or_else(|| UnknownValue(s.to_string()))
    }
}

/// What `agent install` or `uninstall` did to one agent's configuration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigAction {
    Installed(PathBuf),
    AlreadyInstalled(PathBuf),
    Removed(PathBuf),
    /// The file held only git-charter's entries, and is gone.
    RemovedFile(PathBuf),
    NotInstalled(PathBuf),
}

/// What `agent-context --write` or `--check` found for one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContextState {
    UpToDate(PathBuf),
    Written(PathBuf),
    OutOfDate(PathBuf),
}

/// One line of `doctor`'s report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// `ok`, `warn` or `missing`.
    pub status: &'static str,
    pub what: String,
    pub detail: String,
}

/// When an agent is in its work, as far as an agent hook's answer goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentPhase {
    /// Before a tool runs: the answer can block it.
    Before,
    /// After a tool ran: the answer is feedback.
    After,
    /// A session starts: the answer is context for the model.
    SessionStart,
    /// The agent stops: the answer may hand over what it was not told yet.
    Stop,
    /// Nothing to say.
    Other,
}

/// What an agent hook concluded, for report::agent to answer in the agent's protocol.
#[derive(Debug, Clone)]
pub struct AgentVerdict {
    pub agent: Agent,
    pub phase: AgentPhase,
    /// The event's name as the agent sent it (answers echo it).
    pub event_name: String,
    pub violations: Vec<Violation>,
    /// Lines for the agent besides the violations (what was judged, what could not be).
    pub notes: Vec<String>,
    /// Context for the model at session start (the charter's rules for agents).
    pub context: Option<String>,
}

impl AgentVerdict {
    pub fn denied(&self) -> bool {
        self.violations.iter().any(|v| v.level == Level::Deny)
    }
}

/// Why an agent hook could not judge, and whether the answer should block (a commit about to run
/// that cannot be judged is not let through; anything else is reported and allowed, as the git
/// hooks and CI still judge it).
#[derive(Debug, Clone)]
pub struct AgentFailure {
    pub agent: Agent,
    pub phase: AgentPhase,
    pub event_name: String,
    pub message: String,
    pub block: bool,
}

#[cfg(test)]
mod vocabulary_tests {
    use super::*;

    #[test]
    fn stage_names_round_trip_through_from_str_and_serde() {
        for s in Stage::ALL {
            assert_eq!(s.as_str().parse::<Stage>(), Ok(s));
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{s}\""));
        }
        assert_eq!(
            "pre_commit".parse::<Stage>(),
            Err(UnknownValue("pre_commit".into()))
        );
    }

    #[test]
    fn status_and_skip_reasons_serialise_as_the_input_document_spells_them() {
        let names = |v: serde_json::Value| v.to_string();
        assert_eq!(
            names(serde_json::json!([
                FileStatus::Added,
                FileStatus::Modified,
                FileStatus::Deleted,
                FileStatus::Renamed,
                FileStatus::Copied,
                FileStatus::Typechange,
                FileStatus::Conflicted
            ])),
            r#"["added","modified","deleted","renamed","copied","typechange","conflicted"]"#
        );
        assert_eq!(
            names(serde_json::json!([
                SkipReason::Binary,
                SkipReason::TooLarge,
                SkipReason::Submodule,
                SkipReason::Symlink,
                SkipReason::Deleted,
                SkipReason::Conflicted,
                SkipReason::Unavailable,
                SkipReason::Unreadable
            ])),
            r#"["binary","too-large","submodule","symlink","deleted","conflicted","unavailable","unreadable"]"#
        );
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

impl Strength {
    /// The name as serialised: `weak`, `medium`, `strong`.
    pub fn as_str(self) -> &'static str {
        match self {
            Strength::Weak => "weak",
            Strength::Medium => "medium",
            Strength::Strong => "strong",
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// The commit the violation belongs to (CI and pre-push only; `scan --history`: the commit
    /// that introduced it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    /// `scan --history` only: whether what the violation is about is still in HEAD's tree (a
    /// secret removed since is still in the history, and still to be rotated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_head: Option<bool>,
    /// What the result is about, stable across line moves, where the policy says (`fingerprint`
    /// in its result: a secret finding's): what a waiver names to cover exactly this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
}

/// A policy result a waiver in `.charter/waivers.yaml` covers: not a violation while the waiver
/// is in force, and listed as suppressed with the waiver's justification.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Waived {
    pub violation: Violation,
    pub waiver: WaiverRef,
}

/// Which waiver covered a result, and its justification.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaiverRef {
    /// `.charter/waivers.yaml:12`.
    pub at: String,
    pub reason: String,
    pub owner: String,
    /// The waiver's last day, `YYYY-MM-DD`.
    pub expires: String,
}
