//! The charter's `provenance:` and `approvals:` sections: where other tools' AI-provenance records
//! are read from, whether git-charter keeps its own record of each commit, and what a change to a
//! tier or class needs in signed approvals. Collectors read the locations; the Rego policies
//! (policies/provenance/, policies/approvals/) read the requirements.

use crate::pattern::GlobPattern;
use serde::{Deserialize, Serialize};

/// The charter's `provenance:` section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProvenanceConfig {
    /// The notes ref git-ai writes its authorship logs to (Git AI Standard v3), one note per
    /// commit. Empty: not read. Default: `refs/notes/ai`.
    pub git_ai_ref: String,
    /// A notes ref holding Agent Trace records (one record, an array or JSON Lines) for the commit
    /// they annotate. Empty: not read. Default: `refs/notes/agent-trace`.
    pub agent_trace_ref: String,
    /// Agent Trace record files committed with the change they describe: a changed file matching
    /// one of these globs is read as records of the commit that adds it (a record naming another
    /// `vcs.revision` is not this commit's and is left out). Default:
    /// `[".agent-trace/**/*.json", ".agent-trace/**/*.jsonl"]`.
    pub agent_trace_paths: Vec<GlobPattern>,
    /// Write git-charter's own record of each commit to `notes_ref` from the `post-commit` hook
    /// (`git charter attest`). Default: `false`.
    pub attest: bool,
    /// Where git-charter's records go. Default: `refs/notes/charter`.
    pub notes_ref: String,
    /// The largest note or record file read, in bytes; larger ones are reported, not read.
    /// Default: `4194304` (4 MiB).
    pub max_record_size: u64,
}

impl Default for ProvenanceConfig {
    fn default() -> Self {
        ProvenanceConfig {
            git_ai_ref: "refs/notes/ai".into(),
            agent_trace_ref: "refs/notes/agent-trace".into(),
            agent_trace_paths: vec![
                GlobPattern(".agent-trace/**/*.json".into()),
                GlobPattern(".agent-trace/**/*.jsonl".into()),
            ],
            attest: false,
            notes_ref: "refs/notes/charter".into(),
            max_record_size: 4 << 20,
        }
    }
}

/// The charter's `approvals:` section: who may sign, and where signed approvals are kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ApprovalsConfig {
    /// git's allowed-signers file (`gpg.ssh.allowedSignersFile` format), relative to the
    /// repository root; a key's roles are a `roles=a,b` word in its comment. `ci` and pre-push
    /// read it from the base commit, so a change cannot add its own signer.
    /// Default: `.charter/allowed_signers`.
    pub allowed_signers: String,
    /// Where `git charter approve` stores signed approvals. Default: `refs/notes/charter-approvals`.
    pub notes_ref: String,
}

impl Default for ApprovalsConfig {
    fn default() -> Self {
        ApprovalsConfig {
            allowed_signers: ".charter/allowed_signers".into(),
            notes_ref: "refs/notes/charter-approvals".into(),
        }
    }
}

/// What a change to a tier or class needs in signatures (checked at pre-push and in `ci`, where
/// the commit exists; CH-APPROVAL-001, -002).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ApprovalRequirement {
    /// Valid signed approvals needed (`git charter approve`), each by a distinct allowed signer
    /// who is neither the commit's author nor an AI identity. Default: `0`.
    pub count: u32,
    /// When not empty, only approvals by signers holding one of these roles count, and each role
    /// listed must be held by at least one of the approvers. Default: `[]`.
    pub roles: Vec<String>,
    /// The commit itself must carry a valid SSH signature (`git commit -S`, `gpg.format=ssh`) by
    /// an allowed signer for the committer's e-mail. Default: `false`.
    pub signed_commit: bool,
    /// Require this for every change, not only AI-assisted ones. Default: `false`.
    pub always: bool,
}
