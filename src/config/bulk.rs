//! The charter's `bulk:` section: limits on the size of one commit, enforced by CH-BULK-001.
//! Only the Rego policies read it.

use super::tiers::TierName;
use crate::pattern::GlobPattern;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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

/// Bulk-change limits: a commit over them needs an approval trailer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BulkConfig {
    /// Which commits the limits apply to: `ai-assisted` or `always`. Default: `ai-assisted`.
    pub when: BulkWhen,
    /// Maximum added lines in one commit (0 = no limit). Default: `2000`.
    pub max_added_lines: u64,
    /// Maximum changed files in one commit (0 = no limit). Default: `60`.
    pub max_files: u64,
    /// Per-tier limits, counted over the files in that tier (0 = no limit). Keys are tier names,
    /// so a misspelt tier is an error naming the line.
    /// Default: `{critical: {max_added_lines: 300, max_files: 10}}`.
    pub tiers: BTreeMap<TierName, BulkLimit>,
    /// Trailer keys that approve a change over the limits, from someone other than the author
    /// and not an AI identity. Default: `[Bulk-Approved-by]`.
    pub approval_trailers: Vec<String>,
    /// Files in these classes are not counted (lockfiles and manifests grow by thousands of
    /// lines). Default: `[deps]`.
    pub exclude_classes: Vec<String>,
    /// Files matching these globs are not counted (generated or vendored code). Default: vendor,
    /// node_modules, minified, snapshot and generated files, listed in charter/default.yaml.
    pub exclude_paths: Vec<GlobPattern>,
}

/// The limits of one tier.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BulkLimit {
    /// Maximum added lines in the tier's files (0 = no limit). Default: `0`.
    pub max_added_lines: u64,
    /// Maximum changed files in the tier (0 = no limit). Default: `0`.
    pub max_files: u64,
}
