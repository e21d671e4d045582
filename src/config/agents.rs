//! The charter's `agents:` section: what the agent hooks (`git charter agent-hook`) protect and
//! require. Only the Rego policies read it (CH-AGENT-*), but for `protected_paths`, which
//! git-charter matches with the charter's glob semantics.

use crate::pattern::GlobPattern;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AgentsConfig {
    /// Paths an agent may not write, by an edit tool or a shell command (`rm`, `mv`, `cp`,
    /// `chmod`, `sed -i`, a redirection, …): CH-AGENT-002. Default: the hooks, `.git/config`,
    /// `.git/charter/**`, `.charter/**` and the agents' hook configuration (charter/default.yaml).
    pub protected_paths: Vec<GlobPattern>,
    /// Whether the repository's hooks directory, wherever `core.hooksPath` puts it, is protected
    /// as well. Default: `true`.
    pub protect_hooks_dir: bool,
    /// Whether commits must be signed: an agent's `git commit --no-gpg-sign` or
    /// `-c commit.gpgsign=false` is then refused (CH-AGENT-003). Default: `false`.
    pub require_signed_commits: bool,
    /// Whether a proposed `git commit -m …`/`-F …` is judged, before it runs, with the policies
    /// of the commit-msg hook. Default: `true`.
    pub judge_commits: bool,
}

impl Default for AgentsConfig {
    fn default() -> Self {
        AgentsConfig {
            protected_paths: vec![],
            protect_hooks_dir: true,
            require_signed_commits: false,
            judge_commits: true,
        }
    }
}
