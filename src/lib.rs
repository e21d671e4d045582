//! git-charter: makes a team's AI-coding charter enforceable at commit time.
//! Data flows one way: collect → detect → input → policy → report; `app` wires the stages.

pub mod app;
pub mod cli;
pub mod collect;
pub mod config;
pub mod detect;
pub mod error;
pub mod fsutil;
pub mod input;
pub mod install;
pub mod model;
pub mod pattern;
pub mod policy;
pub mod report;
pub mod rules;
