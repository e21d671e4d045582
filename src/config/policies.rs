//! The charter's `policies:` section: switches on policy results. That the ids exist is checked
//! where the policies are loaded (`app`), since only there are they known.

use serde::{Deserialize, Serialize};

/// Policy ids to switch off, or whose denials only warn. An unknown id is an error.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PoliciesConfig {
    /// Policy ids (METADATA `custom.id`) that are switched off. Default: `[]`.
    pub disable: Vec<String>,
    /// Policy ids whose `deny` results are downgraded to warnings. Default: `[]`.
    pub warn_only: Vec<String>,
}
