//! The charter's `trailers:` section: how trailers are read from a commit message.

use serde::{Deserialize, Serialize};

/// How trailers are read from a message.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TrailersConfig {
    /// `log`: as `git log --format=%(trailers:only,unfold)` reads a stored commit (what CI sees).
    /// `interpret`: as `git interpret-trailers --parse`, which also stops at a `---` patch
    /// divider (for teams that mail patches). Default: `log`.
    pub mode: TrailerMode,
}

/// The two ways git reads trailers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TrailerMode {
    /// As `git log --format=%(trailers:only,unfold)`.
    #[default]
    Log,
    /// As `git interpret-trailers --parse`.
    Interpret,
}
