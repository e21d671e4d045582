//! Orchestration per stage: collect → detect → input → policy → report. No printing here.
//! Each stage function returns an outcome that main.rs turns into an exit code.
