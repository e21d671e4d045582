//! Reporting: the only module that writes to stdout. Console, JSON, SARIF and GitHub annotations.
//! Receives violations already redacted; decides colour once.
