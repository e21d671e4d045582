//! The one matching kernel: validated regexes and globs, lazy regexes, required-literal extraction,
//! one keyword index (literals → owners) and line mapping. Pure: no rule data, no I/O, no git, no charter.
//!
//! Secrets, insecure patterns, class signals and AI signatures are rule sets compiled onto these
//! types (see `detect/`); no other module builds an aho-corasick automaton or keeps a line table.

mod glob;
mod keywords;
mod lines;
mod literal_sets;
mod literals;
mod regex;

pub use glob::{GlobIndex, GlobIndexBuilder, GlobPattern, glob_set};
pub use keywords::{Case, Hit, KeywordIndex, KeywordIndexBuilder};
pub use lines::{
    LineCursor, LineIndex, LineMap, count_newlines, extend_lines, find_newline, line_around,
    line_span, split_lines,
};
pub use literals::{LiteralFilter, fold, required_literal_sets, required_literals};
#[cfg(test)]
pub(crate) use regex::memo_misses;
pub use regex::{
    Captures, LazyRegex, Match, Regex, RegexPattern, Syntax, compile, match_str, validate_regex,
};

thread_local! {
    static TRUSTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `parse` with regex and glob validation switched off, for the embedded rule files: their
/// validity is pinned by `rules check` and by tests that parse them checked, and re-checking
/// hundreds of patterns on every hook would cost milliseconds.
pub fn trusted<T>(parse: impl FnOnce() -> T) -> T {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            TRUSTED.with(|t| t.set(self.0));
        }
    }
    let _reset = Reset(TRUSTED.with(|t| t.replace(true)));
    parse()
}

/// Whether validation is switched off on this thread (see `trusted`).
fn is_trusted() -> bool {
    TRUSTED.with(|t| t.get())
}
