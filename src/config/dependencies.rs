//! The charter's `dependencies:` section: what the built-in dependency policies (CH-DEP-*) do with
//! the facts `detect::deps` collects from changed manifests. Only the Rego policies read it, but
//! for `applications`, which git-charter matches with the charter's glob semantics.

use super::insecure::Action;
use super::review::ReviewRequirement;
use super::tiers::TierName;
use crate::pattern::GlobPattern;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DependenciesConfig {
    /// An added name that resembles a popular package and is new to the repository (a possible
    /// typosquat or hallucinated package): `off`, `warn` or `deny`. Default: `deny`.
    pub typosquat: Action,
    /// An added name on no popular list and new to the repository, in an AI-assisted commit:
    /// `off`, `warn`, `deny`, or `review` (the commit needs `review`, as CH-DEP-007 asks in the
    /// reviewed tiers, wherever the manifest is). Default: `warn`.
    pub unknown: UnknownAction,
    /// A manifest whose dependencies changed while its existing lockfile did not. Default: `deny`.
    pub lockfile: Action,
    /// A dependency added from, or moved to, a git, URL or path source. Default: `warn`.
    pub sources: Action,
    /// An install-time script (npm `preinstall`, `install`, `postinstall`, `prepare`) added or
    /// changed. Default: `warn`.
    pub install_scripts: Action,
    /// An unpinned requirement added to an application's manifest that no lockfile pins.
    /// Default: `warn`.
    pub unpinned: Action,
    /// A changed manifest or lockfile that does not parse (its facts are missing). Default: `warn`.
    pub unreadable: Action,
    /// Manifests of applications, beyond those that say so themselves (a requirements file, a
    /// Gemfile, a Pipfile, `"private": true`, `publish = false`, Poetry's `package-mode = false`).
    /// Default: `[]`.
    pub applications: Vec<GlobPattern>,
    /// Package names the name check never flags (your own internal packages), as `name` or
    /// `ecosystem:name` (`npm:@acme/ui`, `pypi:acme-tools`). Default: `[]`.
    pub allow: Vec<String>,
    /// An AI-assisted commit that adds a dependency to a manifest in one of these tiers needs
    /// `review`. Default: `[trusted, critical]`.
    pub review_tiers: Vec<TierName>,
    /// The review such a commit needs (`always: true`: every commit adding a dependency there).
    /// Default: one `review.trailers` reviewer.
    pub review: ReviewRequirement,
}

/// What an AI-assisted commit adding an unknown package gets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnknownAction {
    Off,
    #[default]
    Warn,
    Deny,
    /// The commit needs the review of `dependencies.review` (CH-DEP-007).
    Review,
}
