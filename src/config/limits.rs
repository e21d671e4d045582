//! The charter's `limits:` section: how much work one run may do.

use serde::{Deserialize, Serialize};

/// File size and policy time budgets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Staged (or scanned) files larger than this many bytes are counted as skipped
    /// (`too-large`), not scanned. At least 1: `0` would skip every file without a word, so it
    /// is an error naming its line. Default: `1048576` (1 MiB).
    #[serde(deserialize_with = "at_least_one")]
    pub max_file_size: u64,
    /// Budget for loading, parsing and evaluating all policies once, in milliseconds of the policy
    /// worker's CPU time (wall-clock where the system does not report it); checked inside builtins
    /// too. Policies that use more stop the run with an error naming the policy. At least 1.
    /// Default: `2000`.
    #[serde(deserialize_with = "at_least_one")]
    pub policy_timeout_ms: u64,
    /// The most files one change (the staged index, or one commit in `ci` and pre-push) may
    /// touch and still be judged. A larger change is not evaluated at all: the run stops with
    /// exit 2, "too large to judge", naming this key, before any policy runs (the built-in
    /// policies grow with the number of files and would otherwise exceed `policy_timeout_ms`,
    /// which reads as a broken configuration). At least 1. Default: `2000`.
    #[serde(deserialize_with = "at_least_one")]
    pub max_files: u64,
    /// What a change over `max_files` gets: `error` (exit 2, "too large to judge": the change is
    /// neither passed nor denied) or `deny` (a deny violation `CH-LIMIT-001` "too large to judge",
    /// exit 1, so CI shows a verdict instead of a failed job). Either way no detector or policy
    /// runs on it. Default: `error`.
    pub too_large: TooLarge,
}

/// `limits.too_large`: how a change over `limits.max_files` is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TooLarge {
    /// Exit 2, "too large to judge".
    #[default]
    Error,
    /// A deny violation saying "too large to judge" (exit 1).
    Deny,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_size: 1024 * 1024,
            policy_timeout_ms: 2000,
            max_files: 2000,
            too_large: TooLarge::Error,
        }
    }
}

/// A limit of 0 would silently switch the thing it limits off (every file skipped, every policy
/// over budget): reported where it is written instead.
fn at_least_one<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    let n = u64::deserialize(d)?;
    if n == 0 {
        return Err(serde::de::Error::custom("must be at least 1"));
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use crate::config::from_team_text;
    use std::path::Path;

    /// `max_file_size: 0` skipped every file without a word.
    #[test]
    fn a_zero_limit_is_an_error_naming_its_line() {
        for key in ["max_file_size", "policy_timeout_ms", "max_files"] {
            let err = from_team_text(
                Path::new(".charter/charter.yaml"),
                &format!("version: 1\nlimits:\n  {key}: 0\n"),
            )
            .unwrap_err()
            .to_string();
            assert!(err.starts_with(".charter/charter.yaml:3:"), "{err}");
            assert!(err.contains("must be at least 1"), "{err}");
        }
        let ok = from_team_text(Path::new("c.yaml"), "limits:\n  max_file_size: 1\n").unwrap();
        assert_eq!(ok.limits.max_file_size, 1);
    }
}
