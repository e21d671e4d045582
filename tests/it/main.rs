//! The one integration-test binary: every module links the library and the real binary once.
//! Cheapest first: `cmd` (CLI cases as data, tests/cmd/), `snapshots` (JSON, SARIF, input), then real
//! temporary git repositories per stage, the pre-commit framework end to end, and parser robustness.

mod agents;
mod api;
mod common;
mod content;

mod ci;
mod ci_templates;
mod cli;
mod cmd;
mod dependencies;
mod docs;
mod e2e_managers;
// POSIX shims, file modes and /dev/null: these tests describe Unix behaviour.
#[cfg(unix)]
mod e2e_pre_commit;
#[cfg(unix)]
mod e2e_wheel;
mod escape;
mod history;
mod hook_cache;
mod insecure_false_blocks;
#[cfg(unix)]
mod install;
mod kpi_html;
mod leaks;
mod never_leak;
#[cfg(unix)]
mod organisation;
mod policy_sandbox;
mod pre_commit;
mod progress;
mod provenance;
mod reads;
mod report;
mod robustness;
mod sarif;
mod secret_rules;
mod show_suppressed;
mod snapshots;
mod state;
mod suppression;
mod trailers_git;
mod waivers;
