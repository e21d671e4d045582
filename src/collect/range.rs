//! Commit ranges and per-commit facts (diff against the first parent, message, identities).
// PLACEHOLDER: owned by the CI helper.
