//! Commit-message trailers parsed exactly as git parses them (trailer.c), in both of git's modes.
//! Pure string processing; git's configuration reaches it as `TrailerConfig`.
// PLACEHOLDER: owned by the commit-message helper.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trailer {
    pub key: String,
    pub value: String,
}

/// Which of git's parsers to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// `git log --format=%(trailers:only,unfold)`: no `---` patch divider.
    #[default]
    LogUnfold,
    /// `git interpret-trailers --parse`: stops at a `---` patch divider.
    InterpretParse,
}

/// The parts of git's configuration that change how trailers are recognised.
#[derive(Debug, Clone, Default)]
pub struct TrailerConfig {
    /// `trailer.separators` (default `:`).
    pub separators: Option<String>,
    /// Keys configured as `trailer.<name>.key` (they count like git-generated trailers).
    pub configured_keys: Vec<String>,
}

pub fn parse(_message: &str, _mode: Mode, _config: &TrailerConfig) -> Vec<Trailer> {
    Vec::new()
}
