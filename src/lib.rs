//! git-charter: makes a team's AI-coding charter enforceable at commit time.
//! Data flows one way: collect → detect → input → policy → report; `app` wires the stages.

pub mod app;
pub mod attestation;
pub mod cli;
pub mod collect;
pub mod config;
pub mod detect;
pub mod error;
pub mod fsutil;
pub mod input;
pub mod install;
pub mod kpi;
pub mod model;
pub mod pattern;
pub mod policy;
pub mod provenance;
pub mod report;
pub mod rules;
pub mod signing;

/// Entry points for the fuzz targets (`fuzz/`) that the public API reaches only through a costly
/// constructor. Not a stable API.
#[doc(hidden)]
pub mod fuzzing {
    /// The gitleaks import alone: `Scanner::new`, its one public caller, compiles every built-in
    /// rule first (about 10 ms), which would cap the fuzzer at about 100 inputs a second.
    /// Returns how many rules were imported.
    pub fn gitleaks_import(origin: &str, text: &str) -> Result<usize, crate::rules::RuleError> {
        crate::detect::secrets::gitleaks::import(origin, text).map(|i| i.rules.len())
    }

    pub use crate::detect::secrets::gitleaks::translate_go;
}
