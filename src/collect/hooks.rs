//! Locating the hooks directory (core.hooksPath, worktrees) through git2.
// PLACEHOLDER: owned by the hooks helper.
