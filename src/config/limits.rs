//! The charter's `limits:` section: how much work one run may do.

use serde::{Deserialize, Serialize};

/// File size and policy time budgets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Staged (or scanned) files larger than this many bytes are counted as skipped
    /// (`too-large`), not scanned. Default: `1048576` (1 MiB).
    pub max_file_size: u64,
    /// Wall-clock budget for evaluating all policies once, in milliseconds; a policy that runs
    /// longer stops the run with an error. Default: `2000`.
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
