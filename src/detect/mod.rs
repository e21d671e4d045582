//! Detection: pure functions over bytes, paths and strings (secrets, classes, insecure patterns,
//! trailers, AI signatures), each a rule set compiled onto the `pattern` kernel.
//! Must not touch git2, regorus or the terminal; everything here is unit-testable on plain data.

pub mod ai;
pub mod classes;
pub mod deps;
pub mod gitcmd;
pub mod insecure;
pub mod message;
pub mod redact;
pub mod secrets;
pub mod shell;
pub mod structured;
pub mod trailers;
