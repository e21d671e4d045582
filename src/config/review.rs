//! The charter's `review:` section (who counts as a reviewer), and what a class or tier asks of a
//! change (its `ai:` rule and `review:` requirement). The Rego policies read these; no detector does.

use serde::{Deserialize, Serialize};

/// Review trailers: who counts as a reviewer. A reviewer is named by a trailer with one of these
/// keys and is neither the commit's author nor an AI identity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReviewConfig {
    /// Trailer keys that name a reviewer (e.g. `Reviewed-by`); the default for class and tier
    /// requirements that name none. Default: `[Reviewed-by]`.
    pub trailers: Vec<String>,
    /// Case-insensitive substrings of a reviewer's e-mail address that mark an AI identity,
    /// which never counts as a reviewer or approver (e.g. `noreply@anthropic.com`, `[bot]@`).
    /// Default: the addresses AI tools commit with, listed in charter/default.yaml.
    pub ai_identities: Vec<String>,
    /// Names that are an AI identity when they are the whole name (`Claude`, `Copilot`), so that
    /// people such as Jean-Claude or Devin Smith still count. Default: the names of common AI
    /// tools, listed in charter/default.yaml.
    pub ai_names: Vec<String>,
}

/// What an AI-assisted change to a class or tier needs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AiRule {
    /// Nothing beyond the charter's general disclosure rules.
    #[default]
    Allow,
    /// The commit must carry a disclosure trailer.
    Disclose,
    /// The commit must carry the review trailers of `review`.
    Review,
    /// AI-assisted changes are refused.
    Forbid,
}

/// Who must sign off a change to a class or tier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReviewRequirement {
    /// Trailer keys that count as a review. Default: `[]`, meaning the charter's `review.trailers`.
    pub trailers: Vec<String>,
    /// Distinct reviewers needed; none may be the author or an AI identity. Default: `1`.
    pub count: u32,
    /// Require the review for every change, not only AI-assisted ones. Default: `false`.
    pub always: bool,
}

impl Default for ReviewRequirement {
    fn default() -> Self {
        ReviewRequirement {
            trailers: Vec::new(),
            count: 1,
            always: false,
        }
    }
}
