//! Detection: pure functions over bytes, paths and strings (secrets, classes, trailers, AI signatures).
//! Must not touch git2, regorus or the terminal; everything here is unit-testable on plain data.

pub mod ai;
pub mod classes;
pub mod insecure;
pub mod message;
pub mod secrets;
pub mod trailers;

/// Maps the lines of a scanned buffer to line numbers in the file they came from.
/// Hooks scan only the added lines of a diff, joined into one buffer; scans read whole files.
#[derive(Debug, Clone, Copy)]
pub enum LineMap<'a> {
    /// The buffer is the file itself (or a contiguous part starting at `first`, 1-based).
    Contiguous { first: u32 },
    /// Buffer line `i` (0-based) is file line `map[i]`.
    Mapped(&'a [u32]),
}

impl LineMap<'_> {
    /// File line number (1-based) of buffer line `idx` (0-based).
    pub fn line(&self, idx: usize) -> u32 {
        match self {
            LineMap::Contiguous { first } => first + idx as u32,
            LineMap::Mapped(map) => map
                .get(idx)
                .copied()
                .unwrap_or_else(|| map.last().copied().unwrap_or(0) + (idx + 1 - map.len()) as u32),
        }
    }
}
