//! The charter's `tiers:` section: every changed path gets one of three tiers, and a tier says
//! what an AI-assisted change there needs. Compiled into globs by `detect::classes`.

use super::provenance::ApprovalRequirement;
use super::review::{AiRule, ReviewRequirement};
use crate::pattern::GlobPattern;
use serde::{Deserialize, Serialize};

/// The three path tiers, most restrictive last.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TierName {
    /// Sandboxes, tests, docs and examples.
    Experimental,
    /// Ordinary code.
    #[default]
    Trusted,
    /// Code only experts write or review.
    Critical,
}

impl TierName {
    pub fn as_str(self) -> &'static str {
        match self {
            TierName::Experimental => "experimental",
            TierName::Trusted => "trusted",
            TierName::Critical => "critical",
        }
    }
}

/// One tier: which paths are in it and what an AI-assisted change there needs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TierDef {
    /// Shown in docs only. Default: `""`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Globs of the paths in the tier. Default: `[]`; the default charter lists tests, docs,
    /// examples, `sandbox/**` and `experiments/**` as experimental.
    pub paths: Vec<GlobPattern>,
    /// Paths carved out of `paths` (they fall through to a less restrictive tier or the default).
    /// Default: `[]`.
    pub excludes: Vec<GlobPattern>,
    /// What an AI-assisted change in the tier needs. Default: `allow`; critical: `review`.
    pub ai: AiRule,
    /// Who must sign off a change in the tier. Default: one reviewer, only for AI-assisted
    /// changes; critical: two, for every change.
    pub review: ReviewRequirement,
    /// What a change in the tier needs in signed approvals and commit signatures. Default: none.
    pub approvals: ApprovalRequirement,
}

/// The charter's `tiers:` section. A path in several tiers gets the most restrictive one
/// (critical over trusted over experimental); a path in none gets `default`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TiersConfig {
    /// The tier of a path no tier matches. Default: `trusted`.
    pub default: TierName,
    /// Where AI-generated changes are welcome.
    pub experimental: TierDef,
    /// Ordinary code.
    pub trusted: TierDef,
    /// Code only experts write or review; list your own paths here.
    pub critical: TierDef,
}

impl TiersConfig {
    /// The tiers, most restrictive first: the first tier whose globs match wins.
    pub fn defs(&self) -> [(TierName, &TierDef); 3] {
        [
            (TierName::Critical, &self.critical),
            (TierName::Trusted, &self.trusted),
            (TierName::Experimental, &self.experimental),
        ]
    }
}
