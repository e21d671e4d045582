//! The JSON input document handed to Rego as `input`: the one contract with policy authors.
//! Versioned by `schema_version`; every field is documented in docs/input.md. Built from detect output only:
//! every user-controlled string (paths, identities, branch, message) is a `Redacted` value.

use crate::detect::ai::AiEvidence;
use crate::detect::deps::names::NameCheck;
use crate::detect::deps::{Change, Ecosystem, Kind, SourceKind};
use crate::detect::insecure::PatternMatch;
use crate::detect::redact::Redacted;
use crate::detect::secrets::{HiddenFinding, SecretFinding};
use crate::detect::trailers::Trailer;
use crate::model::{FileStatus, Ident, SkipReason, Stage};
use serde::{Deserialize, Serialize};

/// Bump on any incompatible change to the document's shape; additions keep the version.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize)]
pub struct Input {
    pub schema_version: u32,
    pub stage: Stage,
    pub repo: Repo,
    pub commit: Commit,
    pub files: Vec<File>,
    /// Every secret finding of every file, in file order (also under each file's `findings`),
    /// but those an inline marker suppresses.
    pub findings: Vec<SecretFinding>,
    /// The findings an inline marker in a comment suppresses, in file order, each with its
    /// `suppressed` set; `secrets.inline_ignore` decides what they mean (CH-SECRET-001).
    pub suppressed: Vec<SecretFinding>,
    /// What placeholder filters, allowlists and the baseline removed, in file order, with the
    /// reason: not handed to policies (nothing is to be judged there), only listed by
    /// `--show-suppressed`.
    #[serde(skip)]
    pub hidden: Vec<HiddenFinding>,
    /// Class signals a `charter:allow` marker silenced, in file order: collected only for
    /// `--show-suppressed`, never serialised (the policies see the classes that remain).
    #[serde(skip)]
    pub silenced: Vec<SilencedSignal>,
    /// Every changed dependency manifest, with its lockfiles and added install scripts.
    pub manifests: Vec<Manifest>,
    /// The dependencies the changed manifests add, remove or change, in manifest order.
    pub dependencies: Vec<Dependency>,
    pub stats: Stats,
    /// At the `agent` stage only: the tool call an agent is about to make, or just made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent: Option<AgentCall>,
    /// The day (UTC, `YYYY-MM-DD`) the run judges on: what waiver expiry and re-certification
    /// are measured against.
    pub today: String,
    /// Every waiver of `.charter/waivers.yaml`, with the days it has left (CH-WAIVER-001).
    pub waivers: Vec<WaiverFact>,
    /// The charter's re-certification, when it carries `certified` (CH-CHARTER-001).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certification: Option<CertificationFact>,
}

/// A file's text for the policies that ask for it (docs/input.md, `files[].content`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileContent {
    /// The whole text, every secret in it replaced by its redacted preview.
    pub text: String,
    /// The lines the change adds, with their 1-based numbers (redacted likewise).
    pub added: Vec<AddedLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AddedLine {
    pub line: u32,
    pub text: String,
}

/// A file's parsed document (docs/input.md, `files[].parsed`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParsedDocument {
    /// `yaml`, `json`, `toml` or `hcl`, from the file's name.
    pub format: &'static str,
    /// The document (a YAML stream of several documents: the list of them); absent when it did
    /// not parse.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<serde_json::Value>,
    /// Why it did not parse (with line and column); the file's text is never quoted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// One waiver as policies see it (docs/input.md, `waivers[]`).
#[derive(Debug, Clone, Serialize)]
pub struct WaiverFact {
    /// Where it is written: `.charter/waivers.yaml:12`.
    pub at: String,
    pub policy: Option<String>,
    pub fingerprint: Option<String>,
    pub paths: Vec<String>,
    pub reason: String,
    pub owner: String,
    /// The last day it applies.
    pub expires: String,
    /// Days from `today` to `expires`: 0 on its last day, negative once it has expired (and no
    /// longer applies).
    pub days_left: i64,
}

/// The charter's re-certification as policies see it (docs/input.md, `certification`).
#[derive(Debug, Clone, Serialize)]
pub struct CertificationFact {
    pub by: String,
    pub on: String,
    pub every: String,
    /// The day the next re-certification is due: `on` plus `every`.
    pub due: String,
    /// Days from `today` to `due`: negative once it is overdue.
    pub days_until_due: i64,
    pub warn_days: u32,
    pub grace_days: u32,
}

impl Input {
    /// This document with the charter's time-bound facts, measured on `today`.
    pub fn with_charter_facts(
        mut self,
        charter: &crate::config::Charter,
        waivers: &crate::config::waivers::Waivers,
        today: crate::config::date::Date,
    ) -> Input {
        self.today = today.to_string();
        self.waivers = waivers
            .list
            .iter()
            .map(|w| WaiverFact {
                at: w.at.clone(),
                policy: w.policy.clone(),
                fingerprint: w.fingerprint.clone(),
                paths: w.paths.clone(),
                reason: w.reason.clone(),
                owner: w.owner.clone(),
                expires: w.expires.to_string(),
                days_left: today.days_until(w.expires),
            })
            .collect();
        self.certification = charter.certified.as_ref().map(|c| {
            let due = c.due();
            CertificationFact {
                by: c.by.clone(),
                on: c.on.to_string(),
                every: c.every.clone(),
                due: due.to_string(),
                days_until_due: today.days_until(due),
                warn_days: c.warn_days,
                grace_days: c.grace_days,
            }
        });
        self
    }
}

/// The tool call an agent hook judges (`git charter agent-hook`). Every string is redacted.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AgentCall {
    /// `claude-code`, `codex`, `gemini-cli`, `cursor` or `copilot`.
    pub agent: String,
    /// The model, where the agent says (or an earlier event of the same session said).
    pub model: Option<String>,
    /// `command` (a shell command, before it runs), `edit` (files about to be written) or
    /// `edited` (files just written; their changes are in `files`).
    pub event: String,
    /// The agent's tool (`Bash`, `run_shell_command`, `Write`, `apply_patch`, …).
    pub tool: Option<String>,
    /// The shell command, split as the shell would run it (`event == "command"`).
    pub command: Option<AgentCommand>,
    /// The files an edit tool names (`edit`, `edited`).
    pub paths: Vec<AgentPath>,
}

/// A shell command line and the simple commands it runs.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AgentCommand {
    pub text: String,
    /// Why the line was not read completely (an unterminated quote, nesting too deep), if so.
    pub error: Option<String>,
    pub commands: Vec<AgentSimpleCommand>,
}

/// One simple command (`detect::shell`), with what it does to git and to files.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AgentSimpleCommand {
    pub argv: Vec<String>,
    pub env: std::collections::BTreeMap<String, String>,
    /// The wrappers and scripts it was found in (`sh -c`, `$()`, `sudo`, …).
    pub via: Vec<String>,
    /// The directory it runs in, relative to the work tree's root when inside it.
    pub cwd: Option<String>,
    /// A `git` invocation, read with git's option tables.
    pub git: Option<crate::detect::gitcmd::GitCall>,
    /// The files it writes.
    pub writes: Vec<AgentPath>,
}

/// A path an agent names, resolved against its working directory.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AgentPath {
    /// Relative to the work tree's root when inside it, else as resolved.
    pub path: String,
    /// Whether it lies inside the work tree.
    pub inside: bool,
    /// Whether `agents.protected_paths` (or the hooks directory) covers it.
    pub protected: bool,
    /// Its tier, and the classes its path alone puts it in.
    pub tier: String,
    pub classes: Vec<String>,
}

impl Input {
    /// The one constructor: `findings` is every file's findings, in file order.
    /// Suppressed findings move from the files to `suppressed`.
    pub fn new(
        stage: Stage,
        repo: Repo,
        commit: Commit,
        mut files: Vec<File>,
        stats: Stats,
    ) -> Input {
        let mut suppressed = Vec::new();
        for f in &mut files {
            if f.findings.iter().any(|x| x.suppressed.is_some()) {
                let (s, kept) = std::mem::take(&mut f.findings)
                    .into_iter()
                    .partition(|x| x.suppressed.is_some());
                f.findings = kept;
                suppressed.extend::<Vec<_>>(s);
            }
        }
        let findings = files
            .iter()
            .flat_map(|f| f.findings.iter().cloned())
            .collect();
        let hidden = files
            .iter_mut()
            .flat_map(|f| std::mem::take(&mut f.hidden))
            .collect();
        let silenced = files
            .iter_mut()
            .flat_map(|f| std::mem::take(&mut f.silenced))
            .collect();
        Input {
            schema_version: SCHEMA_VERSION,
            stage,
            repo,
            commit,
            files,
            findings,
            suppressed,
            hidden,
            silenced,
            manifests: Vec::new(),
            dependencies: Vec::new(),
            stats,
            agent: None,
            today: crate::config::date::Date::today().to_string(),
            waivers: Vec::new(),
            certification: None,
        }
    }
}

/// A changed dependency manifest (docs/input.md, `manifests[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Manifest {
    #[serde(deserialize_with = "crate::detect::redact::from_cache")]
    pub path: Redacted<String>,
    pub ecosystem: Ecosystem,
    /// The manifest's format, by its file name (`Cargo.toml`, `package.json`, `requirements.txt`, …).
    pub format: String,
    /// `added`, `removed` (deleted) or `changed`.
    pub status: Change,
    pub tier: String,
    pub application: bool,
    pub lockfiles: Vec<Lockfile>,
    /// Whether any of its lockfiles changed; null when it has none.
    pub lockfile_changed: Option<bool>,
    /// How many dependencies it adds, removes or changes.
    pub dependency_changes: u32,
    pub scripts: Vec<Script>,
    #[serde(deserialize_with = "crate::detect::redact::from_cache_option")]
    pub error: Option<Redacted<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Lockfile {
    #[serde(deserialize_with = "crate::detect::redact::from_cache")]
    pub path: Redacted<String>,
    pub changed: bool,
    #[serde(deserialize_with = "crate::detect::redact::from_cache_option")]
    pub error: Option<Redacted<String>>,
}

/// An install-time script a manifest adds or changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Script {
    pub name: String,
    #[serde(deserialize_with = "crate::detect::redact::from_cache")]
    pub command: Redacted<String>,
    pub change: Change,
}

/// A dependency a changed manifest adds, removes or changes (docs/input.md, `dependencies[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Dependency {
    pub ecosystem: Ecosystem,
    #[serde(deserialize_with = "crate::detect::redact::from_cache")]
    pub manifest: Redacted<String>,
    pub tier: String,
    #[serde(deserialize_with = "crate::detect::redact::from_cache")]
    pub name: Redacted<String>,
    pub kind: Kind,
    pub change: Change,
    #[serde(deserialize_with = "crate::detect::redact::from_cache")]
    pub requirement: Redacted<String>,
    pub pinned: bool,
    pub source: SourceKind,
    #[serde(deserialize_with = "crate::detect::redact::from_cache_option")]
    pub location: Option<Redacted<String>>,
    pub previous: Option<Previous>,
    /// The versions its manifest's lockfiles pin after the change (empty: not in the lockfile);
    /// null when the manifest has no lockfile.
    #[serde(deserialize_with = "crate::detect::redact::from_cache_versions")]
    pub locked: Option<Vec<Redacted<String>>>,
    pub known: bool,
    pub name_check: Option<NameCheck>,
}

/// A changed dependency's declaration before the change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Previous {
    #[serde(deserialize_with = "crate::detect::redact::from_cache")]
    pub requirement: Redacted<String>,
    pub pinned: bool,
    pub source: SourceKind,
    #[serde(deserialize_with = "crate::detect::redact::from_cache_option")]
    pub location: Option<Redacted<String>>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Repo {
    /// Absolute path of the work tree (empty for a scan outside a repository).
    pub root: Redacted<String>,
    /// Current branch name, absent on a detached HEAD or outside a repository.
    pub branch: Option<Redacted<String>>,
    /// Commit id of HEAD, absent before the first commit.
    pub head: Option<String>,
    /// A merge is being concluded (MERGE_HEAD exists) or the judged commit has several parents.
    pub merge: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Commit {
    /// Commit id when judging an existing commit (ci, pre-push); absent in hooks.
    pub id: Option<String>,
    pub parents: Vec<String>,
    pub author: Option<Redacted<Ident>>,
    pub committer: Option<Redacted<Ident>>,
    /// The message as git will store it; absent at pre-commit, where no message exists yet.
    pub message: Option<Redacted<String>>,
    pub subject: Option<Redacted<String>>,
    pub trailers: Vec<Trailer>,
    pub ai_evidence: Vec<AiEvidence>,
    /// Secrets found in the commit's own fields, each at the field's name as path: the message
    /// (`<commit message>`), the identities (`<author name>`, `<author email>`, `<committer name>`,
    /// `<committer email>`) and, in the hooks, the branch (`<branch name>`) or pushed refs (`<ref
    /// name>`); every field above is built from a copy where they are redacted.
    pub findings: Vec<SecretFinding>,
    /// The signature the commit carries, verified against the allowed signers (pre-push, ci,
    /// report); absent in the hooks, where the commit does not exist yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<SignatureFact>,
    /// Signed approvals of the commit (`git charter approve`, refs/notes/charter-approvals),
    /// each verified; empty in the hooks.
    pub approvals: Vec<ApprovalFact>,
    /// AI-provenance records about the commit (git-ai notes, Agent Trace records).
    pub provenance: ProvenanceFacts,
}

/// `commit.signature`: what the commit's `gpgsig` header holds, verified in-process.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SignatureFact {
    /// The commit carries a signature.
    pub signed: bool,
    /// `ssh`, `gpg` or `x509`, by the signature's armour; absent when unsigned.
    pub format: Option<&'static str>,
    /// An SSH signature in the namespace `git` over the commit, by a key the allowed-signers file
    /// allows for the committer's e-mail at the commit's time.
    pub valid: bool,
    /// The committer's e-mail, when the key is allowed for it.
    pub principal: Option<Redacted<String>>,
    /// `SHA256:…` of the signing key, when the signature parses.
    pub fingerprint: Option<String>,
    /// The roles the allowed-signers entry gives the key (`roles=` in its comment).
    pub roles: Vec<String>,
    /// Why the signature is not valid (kebab-case, docs/input.md); absent when valid.
    pub reason: Option<String>,
}

/// `commit.approvals[]`: one signed approval, verified.
#[derive(Debug, Clone, Serialize)]
pub struct ApprovalFact {
    /// The approver's e-mail as the approval names it (its signing principal).
    pub signer: Redacted<String>,
    /// The role the approval was given in (`approve --role`), if any.
    pub role: Option<String>,
    pub comment: Option<Redacted<String>>,
    /// When it was signed, seconds since the epoch, and that day (UTC).
    pub timestamp: i64,
    pub date: String,
    pub fingerprint: Option<String>,
    /// The signature verifies over this commit's id, tree and parents, in the namespace
    /// `git-charter`, by a key the allowed-signers file allows for `signer` at `timestamp`, and
    /// `role` is one of the signer's roles. Who the signer is (the author, an AI identity) is the
    /// policies' judgement, not part of `valid`.
    pub valid: bool,
    /// Why not (kebab-case, docs/input.md); absent when valid.
    pub reason: Option<String>,
    /// The roles the approval counts for: its `role`, or every role of the signer when it names none.
    pub roles: Vec<String>,
}

/// `commit.provenance`: what other tools recorded about who or what wrote the commit's lines.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ProvenanceFacts {
    pub records: Vec<ProvenanceRecord>,
    /// Every AI identity the records name, with the lines attributed to it.
    pub identities: Vec<ProvenanceIdentity>,
    /// Lines attributed to an AI (`ai` or `mixed` contributors) over all records.
    pub ai_lines: u32,
    /// Records that could not be read or parsed: reported, never fatal.
    pub errors: Vec<ProvenanceError>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProvenanceRecord {
    /// `git-ai` or `agent-trace`.
    pub source: &'static str,
    /// Where it was read: a notes ref, or a file path of the change.
    pub location: Redacted<String>,
    /// The commit the record says it describes, if it says.
    pub revision: Option<String>,
    /// The tool that wrote the record (Agent Trace's `tool`), as `tool:model`.
    pub tool: Option<String>,
    pub attributions: Vec<ProvenanceAttribution>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProvenanceAttribution {
    pub path: Redacted<String>,
    /// Inclusive, 1-based line ranges `[start, end]`, sorted and merged.
    pub ranges: Vec<[u32; 2]>,
    pub lines: u32,
    /// `ai`, `mixed`, `human` or `unknown`.
    pub contributor: &'static str,
    /// The normalised identity `tool:model` (docs/provenance.md), when the record names one.
    pub identity: Option<String>,
    pub tool: Option<String>,
    pub model: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProvenanceIdentity {
    /// `tool:model`, or `tool` when no model is named.
    pub identity: String,
    pub tool: String,
    pub model: Option<String>,
    pub provider: Option<String>,
    /// AI lines attributed to it, and in how many files.
    pub lines: u32,
    pub files: u32,
    /// A disclosure trailer of the commit (`disclosure.trailers`) names this tool, and this
    /// model when both name one (dated model versions match their undated name).
    pub disclosed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProvenanceError {
    pub source: &'static str,
    pub location: Redacted<String>,
    pub message: Redacted<String>,
}

/// Deserialised only from the hooks' cache (`app::cache`), which this binary wrote from a `File`
/// it had built: the redacted fields come back through `redact::from_cache`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct File {
    #[serde(deserialize_with = "crate::detect::redact::from_cache")]
    pub path: Redacted<String>,
    /// `added`, `modified`, `deleted`, `renamed`, `copied`, `typechange`.
    pub status: FileStatus,
    /// Previous path for renames and copies.
    #[serde(deserialize_with = "crate::detect::redact::from_cache_option")]
    pub old_path: Option<Redacted<String>>,
    /// Size in bytes of the new content (0 for a deletion).
    pub size: u64,
    pub binary: bool,
    /// Why the content was not scanned: `binary`, `too-large`, `submodule`, `symlink`, `deleted`.
    pub skipped: Option<SkipReason>,
    pub added_lines: u32,
    pub removed_lines: u32,
    pub tier: String,
    /// The path matches `bulk.exclude_paths` (present only when true).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub bulk_excluded: bool,
    pub classes: Vec<String>,
    pub findings: Vec<SecretFinding>,
    pub insecure: Vec<PatternMatch>,
    /// Secret candidates a filter, an allowlist or the baseline removed (moved to
    /// `Input::hidden` by the constructor; never serialised).
    #[serde(skip)]
    pub hidden: Vec<HiddenFinding>,
    /// Only for a policy whose METADATA `custom.needs` asks for `content` and whose globs match
    /// the path: the file's text as the change has it, redacted, and the lines it adds.
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub content: Option<FileContent>,
    /// Only for a policy that asks for `parsed`: the file's document (YAML, JSON, TOML, HCL).
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub parsed: Option<ParsedDocument>,
    /// Class signals a `charter:allow` marker silenced (`--show-suppressed` only; moved to
    /// `Input::silenced` by the constructor; never serialised).
    #[serde(skip)]
    pub silenced: Vec<SilencedSignal>,
}

/// A class signal a `charter:allow` marker in a comment silenced, where and by which marker, with
/// its line's redacted preview (`--show-suppressed`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SilencedSignal {
    pub class: String,
    /// The signal's id (`classes.<class>.signals[].id`).
    pub signal: String,
    #[serde(deserialize_with = "crate::detect::redact::from_cache")]
    pub path: Redacted<String>,
    pub line: u32,
    /// `charter:allow`, or `charter:allow=<class or signal id>`.
    pub marker: String,
    #[serde(deserialize_with = "crate::detect::redact::from_cache")]
    pub preview: Redacted<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Stats {
    pub files: u32,
    pub scanned_files: u32,
    pub scanned_bytes: u64,
    pub skipped_binary: u32,
    pub skipped_large: u32,
    pub skipped_other: u32,
    pub added_lines: u64,
    pub removed_lines: u64,
}

impl Stats {
    /// Counts one file: `skipped` says why its content was not scanned (a deletion is not a skip),
    /// `scanned_bytes` is what was scanned otherwise.
    pub fn count(
        &mut self,
        skipped: Option<SkipReason>,
        added: u64,
        removed: u64,
        scanned_bytes: u64,
    ) {
        self.files += 1;
        self.added_lines += added;
        self.removed_lines += removed;
        match skipped {
            Some(SkipReason::Binary) => self.skipped_binary += 1,
            Some(SkipReason::TooLarge) => self.skipped_large += 1,
            Some(SkipReason::Deleted) => {}
            Some(_) => self.skipped_other += 1,
            None => {
                self.scanned_files += 1;
                self.scanned_bytes += scanned_bytes;
            }
        }
    }
}

impl std::ops::AddAssign<&Stats> for Stats {
    fn add_assign(&mut self, s: &Stats) {
        self.files += s.files;
        self.scanned_files += s.scanned_files;
        self.scanned_bytes += s.scanned_bytes;
        self.skipped_binary += s.skipped_binary;
        self.skipped_large += s.skipped_large;
        self.skipped_other += s.skipped_other;
        self.added_lines += s.added_lines;
        self.removed_lines += s.removed_lines;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_count_skips_by_reason_and_sum() {
        let mut a = Stats::default();
        a.count(None, 3, 1, 40);
        a.count(Some(SkipReason::Binary), 0, 0, 999);
        a.count(Some(SkipReason::TooLarge), 0, 0, 999);
        a.count(Some(SkipReason::Deleted), 0, 7, 0);
        a.count(Some(SkipReason::Symlink), 0, 0, 0);
        assert_eq!(
            (a.files, a.scanned_files, a.scanned_bytes),
            (5, 1, 40),
            "{a:?}"
        );
        assert_eq!(
            (a.skipped_binary, a.skipped_large, a.skipped_other),
            (1, 1, 1)
        );
        assert_eq!((a.added_lines, a.removed_lines), (3, 8));
        let mut b = a.clone();
        b += &a;
        assert_eq!((b.files, b.removed_lines, b.skipped_other), (10, 16, 2));
    }
}
