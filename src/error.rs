//! The top-level error type and the exit-code scheme. Library code returns these; only main.rs prints them.
//! Every variant wraps the typed error of the module it came from; the exit code follows from the variant.

use crate::collect::GitError;
use crate::collect::range::RangeError;
use crate::config::ConfigError;
use crate::install::InstallError;
use crate::policy::PolicyError;
use std::path::PathBuf;

/// Exit codes are API (see README "Exit codes").
pub mod exit {
    /// Every policy passed (warnings may have been shown).
    pub const OK: i32 = 0;
    /// At least one policy denied: the commit, push or CI job must not go through.
    pub const DENIED: i32 = 1;
    /// Usage or environment error: bad arguments, not a git repository, I/O failure, missing base commit.
    pub const USAGE: i32 = 2;
    /// The team's configuration is broken: charter, rule file or policy does not parse or fails to evaluate.
    pub const CONFIG: i32 = 3;
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The charter, the baseline, a rule file or a charter key naming a missing file.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A policy does not load, clashes with another, fails or runs over its budget.
    #[error(transparent)]
    Policy(#[from] PolicyError),
    /// The repository: not one, bare, or git2 failed reading it.
    #[error(transparent)]
    Git(#[from] GitError),
    /// A commit range or pre-push ref line that cannot be resolved.
    #[error(transparent)]
    Range(#[from] RangeError),
    /// Installing or removing hook shims.
    #[error(transparent)]
    Install(#[from] InstallError),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Arguments that do not make sense together, or name nothing.
    #[error("{0}")]
    Usage(String),
    /// A change over `limits.max_files`: not judged (`limits.too_large: error`).
    #[error(
        "too large to judge: {what} touches {files} files, over limits.max_files ({max}) in the \
         charter; commit it in smaller parts, or raise limits.max_files (and, for the policies' \
         time, limits.policy_timeout_ms)"
    )]
    TooLarge {
        what: String,
        files: usize,
        max: u64,
    },
}

impl Error {
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Config(_) | Error::Policy(_) => exit::CONFIG,
            Error::Git(_)
            | Error::Range(_)
            | Error::Install(_)
            | Error::Io { .. }
            | Error::Usage(_)
            | Error::TooLarge { .. } => exit::USAGE,
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
