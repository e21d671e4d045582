//! The one matching kernel: validated regexes and globs, lazy regexes, required-literal extraction,
//! one keyword index (literals → owners) and line mapping. Pure: no rule data, no I/O, no git, no charter.
//!
//! Secrets, insecure patterns, class signals and AI signatures are rule sets compiled onto these
//! types (see `detect/`); no other module builds an aho-corasick automaton or keeps a line table.

mod glob;
mod keywords;
mod lines;
mod literals;
mod regex;

pub use glob::{GlobIndex, GlobIndexBuilder, GlobPattern, glob_set};
pub use keywords::{Case, Hit, KeywordIndex, KeywordIndexBuilder};
pub use lines::{
    LineCursor, LineIndex, LineMap, count_newlines, extend_lines, find_newline, line_around,
    line_span,
};
pub use literals::{LiteralFilter, fold, required_literal_sets, required_literals};
pub use regex::{LazyRegex, RegexPattern, Syntax, compile, match_str, validate_regex};
