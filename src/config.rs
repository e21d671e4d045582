//! The charter file: schema, the embedded default, layering of `.charter/charter.yaml` over it, validation.
//! Errors name the file, line and what is wrong. Reads files only under `.charter/`; no git, no regorus.

use crate::detect::ai::{AiConfig, DisclosureConfig};
use crate::detect::classes::{ClassesConfig, TiersConfig};
use crate::detect::insecure::InsecureConfig;
use crate::detect::secrets::SecretsConfig;
pub mod baseline;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The embedded default charter. It is an ordinary charter file, readable in the repository.
pub const DEFAULT_CHARTER: &str = include_str!("../charter/default.yaml");
pub const DEFAULT_CHARTER_NAME: &str = "<embedded>/charter/default.yaml";

/// Where a team keeps its configuration, relative to the repository root.
pub const CHARTER_DIR: &str = ".charter";
pub const CHARTER_FILE: &str = "charter.yaml";
pub const BASELINE_FILE: &str = "baseline.json";
pub const POLICIES_DIR: &str = "policies";

/// The whole charter. Every section has a default so a team file may hold only what it changes.
/// Serialised as is, it is `data.charter` in Rego.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Charter {
    /// Charter format version; only 1 exists.
    pub version: u32,
    /// Set to false to start from an empty charter instead of layering over the default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extends_default: Option<bool>,
    pub limits: Limits,
    pub tiers: TiersConfig,
    pub classes: ClassesConfig,
    pub disclosure: DisclosureConfig,
    pub ai: AiConfig,
    pub review: ReviewConfig,
    pub bulk: BulkConfig,
    pub secrets: SecretsConfig,
    pub insecure: InsecureConfig,
    pub policies: PoliciesConfig,
    pub trailers: TrailersConfig,
}

/// How trailers are read from a message.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TrailersConfig {
    /// `log` (default): as `git log --format=%(trailers:only,unfold)` reads a stored commit.
    /// `interpret`: as `git interpret-trailers --parse`, which also stops at a `---` patch divider.
    pub mode: TrailerMode,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TrailerMode {
    #[default]
    Log,
    Interpret,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Files larger than this (bytes) are counted as skipped, not scanned.
    pub max_file_size: u64,
    /// Wall-clock budget for evaluating all policies once, in milliseconds.
    pub policy_timeout_ms: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_size: 1024 * 1024,
            policy_timeout_ms: 2000,
        }
    }
}

/// Review trailers: who counts as a reviewer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReviewConfig {
    /// Trailer keys that name a reviewer (e.g. `Reviewed-by`); the default for class and tier
    /// requirements that name none.
    pub trailers: Vec<String>,
    /// Case-insensitive substrings of a reviewer's e-mail address that mark an AI identity,
    /// which never counts as a reviewer (e.g. `noreply@anthropic.com`, `[bot]@`).
    pub ai_identities: Vec<String>,
    /// Names that are an AI identity when they are the whole name (`Claude`, `Copilot`), so that
    /// people such as Jean-Claude or Devin Smith still count.
    pub ai_names: Vec<String>,
}

/// When bulk limits apply.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BulkWhen {
    /// Only to commits with AI evidence or a disclosure trailer.
    #[default]
    AiAssisted,
    /// To every commit.
    Always,
}

/// Bulk-change limits.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BulkConfig {
    /// Which commits the limits apply to.
    pub when: BulkWhen,
    /// Maximum added lines in one commit (0 = no limit).
    pub max_added_lines: u64,
    /// Maximum changed files in one commit (0 = no limit).
    pub max_files: u64,
    /// Per-tier limits, counted over the files in that tier (0 = no limit). Keys are tier names,
    /// so a misspelt tier is an error naming the line.
    pub tiers: BTreeMap<crate::detect::classes::TierName, BulkLimit>,
    /// Trailer keys that approve a change over the limits (e.g. `Bulk-Approved-by`).
    pub approval_trailers: Vec<String>,
    /// Files in these classes are not counted (lockfiles and manifests grow by thousands of lines).
    pub exclude_classes: Vec<String>,
    /// Files matching these globs are not counted (generated or vendored code).
    pub exclude_paths: Vec<crate::model::GlobPattern>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BulkLimit {
    pub max_added_lines: u64,
    pub max_files: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PoliciesConfig {
    /// Policy ids (METADATA `custom.id`) that are switched off.
    pub disable: Vec<String>,
    /// Policy ids whose `deny` results are downgraded to warnings.
    pub warn_only: Vec<String>,
}

/// A configuration error: which file, where, what.
#[derive(Debug, thiserror::Error)]
#[error("{}{}: {message}", path.display(), location.map(|(l, c)| format!(":{l}:{c}")).unwrap_or_default())]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based line and column, when known.
    pub location: Option<(usize, usize)>,
    pub message: String,
}

impl ConfigError {
    fn from_yaml(path: &Path, e: yaml_serde::Error) -> ConfigError {
        let location = e.location().map(|l| (l.line(), l.column()));
        // yaml_serde appends "at line L column C" to its message; the location is printed once, in front.
        let mut message = e.to_string();
        if let Some(i) = message.find(" at line ") {
            message.truncate(i);
        }
        ConfigError {
            path: path.to_path_buf(),
            location,
            message,
        }
    }
}

/// The effective charter and where its parts came from.
#[derive(Debug, Clone)]
pub struct LoadedCharter {
    pub charter: Charter,
    /// The team's charter file, if there is one.
    pub file: Option<PathBuf>,
    /// `<root>/.charter`, whether or not it exists.
    pub dir: PathBuf,
}

impl LoadedCharter {
    pub fn baseline_path(&self) -> PathBuf {
        self.dir.join(BASELINE_FILE)
    }

    pub fn policies_dir(&self) -> PathBuf {
        self.dir.join(POLICIES_DIR)
    }
}

/// Loads `<root>/.charter/charter.yaml` layered over the default, or the default alone.
pub fn load(root: &Path) -> Result<LoadedCharter, ConfigError> {
    let dir = root.join(CHARTER_DIR);
    let file = dir.join(CHARTER_FILE);
    let team = match std::fs::read_to_string(&file) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(ConfigError {
                path: file,
                location: None,
                message: format!("cannot read: {e}"),
            });
        }
    };
    let charter = match &team {
        Some(text) => from_team_text(&file, text)?,
        None => default_charter(),
    };
    Ok(LoadedCharter {
        charter,
        file: team.map(|_| file),
        dir,
    })
}

/// The embedded default, parsed. Its validity is pinned by a unit test.
pub fn default_charter() -> Charter {
    parse_single(Path::new(DEFAULT_CHARTER_NAME), DEFAULT_CHARTER)
        .expect("embedded default charter is valid")
}

/// Parses a team charter and layers it over the default: maps merge key by key, anything else
/// (lists, strings, numbers) in the team file replaces the default's value.
pub fn from_team_text(path: &Path, text: &str) -> Result<Charter, ConfigError> {
    // Parse the team file on its own first, so unknown keys and bad globs or regexes are
    // reported with the team file's own line numbers.
    let own = parse_single(path, text)?;
    if own.version > 1 {
        return Err(ConfigError {
            path: path.to_path_buf(),
            location: None,
            message: format!(
                "charter version {} is newer than this git-charter understands (1)",
                own.version
            ),
        });
    }
    if own.extends_default == Some(false) {
        return Ok(own);
    }
    let mut merged: yaml_serde::Value =
        yaml_serde::from_str(DEFAULT_CHARTER).expect("default charter is YAML");
    let team: yaml_serde::Value =
        yaml_serde::from_str(text).map_err(|e| ConfigError::from_yaml(path, e))?;
    merge(&mut merged, team);
    yaml_serde::from_value(merged).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        location: None,
        message: format!("after layering over the default charter: {e}"),
    })
}

fn parse_single(path: &Path, text: &str) -> Result<Charter, ConfigError> {
    if text.trim().is_empty() {
        return Ok(Charter::default());
    }
    yaml_serde::from_str(text).map_err(|e| ConfigError::from_yaml(path, e))
}

fn merge(base: &mut yaml_serde::Value, over: yaml_serde::Value) {
    match (base, over) {
        (yaml_serde::Value::Mapping(b), yaml_serde::Value::Mapping(o)) => {
            for (k, v) in o {
                match b.get_mut(&k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (slot, v) => *slot = v,
    }
}

/// The effective charter as YAML, for `git charter charter`.
pub fn to_yaml(charter: &Charter) -> String {
    yaml_serde::to_string(charter).expect("charter serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_charter_parses() {
        let c = default_charter();
        assert_eq!(c.version, 1);
    }

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let err = from_team_text(
            Path::new(".charter/charter.yaml"),
            "version: 1\nlimits:\n  max_file_sise: 3\n",
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with(".charter/charter.yaml:3:"), "{msg}");
        assert!(msg.contains("max_file_sise"), "{msg}");
    }

    #[test]
    fn team_values_override_and_maps_merge() {
        let c = from_team_text(Path::new("c.yaml"), "limits:\n  max_file_size: 10\n").unwrap();
        assert_eq!(c.limits.max_file_size, 10);
        assert_eq!(
            c.limits.policy_timeout_ms,
            default_charter().limits.policy_timeout_ms
        );
    }
}
