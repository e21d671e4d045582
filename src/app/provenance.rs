//! Provenance and signatures as commit facts: other tools' AI-provenance records (git-ai notes,
//! Agent Trace records), the commit's own signature and its signed approvals, each verified
//! in-process and every string redacted before it reaches the input document. Facts only: what
//! they mean for a commit is decided by the policies (policies/provenance/, policies/approvals/).

use super::session::Session;
use crate::collect::ChangeSet;
use crate::collect::notes::NoteText;
use crate::config::ConfigError;
use crate::config::date::Date;
use crate::detect::ai::AiEvidence;
use crate::detect::redact::Field;
use crate::error::{Error, Result};
use crate::input::{
    self, ApprovalFact, ProvenanceAttribution, ProvenanceError, ProvenanceFacts,
    ProvenanceIdentity, ProvenanceRecord, SignatureFact,
};
use crate::model::{FileStatus, Strength};
use crate::pattern::{GlobIndex, GlobIndexBuilder};
use crate::provenance::identity::{self, Identity};
use crate::provenance::{Contributor, Record, Source, gitai, trace};
use crate::rules::signatures::Where;
use crate::signing::allowed::AllowedSigners;
use crate::signing::approval::{self, SignedApproval};
use crate::signing::{self, APPROVAL_NAMESPACE, GIT_NAMESPACE};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The largest approvals note read (about a thousand approvals).
const MAX_APPROVALS_NOTE: u64 = 1 << 20;
/// An approval dated this far ahead of now (seconds) is refused: clocks differ by minutes, not more.
const CLOCK_SKEW: i64 = 300;

fn source_name(s: &Source) -> &'static str {
    match s {
        Source::GitAi => "git-ai",
        Source::AgentTrace => "agent-trace",
    }
}

fn contributor_name(c: Contributor) -> &'static str {
    match c {
        Contributor::Ai => "ai",
        Contributor::Mixed => "mixed",
        Contributor::Human => "human",
        Contributor::Unknown => "unknown",
    }
}

impl Session {
    fn trace_globs(&self) -> &GlobIndex<()> {
        self.trace_globs.get_or_init(|| {
            let mut b = GlobIndexBuilder::new();
            for g in &self.charter.charter.provenance.agent_trace_paths {
                // Checked while the charter was parsed.
                let _ = b.add(g, ());
            }
            b.build().unwrap_or_else(|_| GlobIndex::empty())
        })
    }

    /// The allowed-signers file, parsed once; `None` when the repository has none. A file that
    /// does not parse is a configuration error (exit 3): signatures are then never valid.
    pub fn allowed_signers(&self) -> Result<Option<&AllowedSigners>> {
        let Some((origin, text)) = &self.allowed_signers else {
            return Ok(None);
        };
        let parsed = self
            .signers
            .get_or_init(|| AllowedSigners::parse(text).map_err(|e| e.to_string()));
        match parsed {
            Ok(a) => Ok(Some(a)),
            Err(message) => Err(Error::Config(ConfigError {
                path: PathBuf::from(origin),
                location: None,
                message: message.clone(),
            })),
        }
    }

    /// `commit.provenance` and the AI evidence it gives: git-ai's note and Agent Trace notes of
    /// commit `id` (pre-push, ci, report), and the Agent Trace record files the change adds or
    /// edits (every stage; read from `id`'s tree, or the index in the hooks).
    pub fn add_provenance(
        &self,
        commit: &mut input::Commit,
        id: Option<&str>,
        changes: &ChangeSet,
    ) {
        let cfg = &self.charter.charter.provenance;
        let max = cfg.max_record_size;
        let redactor = self.detectors.redactor();
        let mut found: Vec<(Record, String)> = Vec::new();
        let mut errors: Vec<(Source, String, String)> = Vec::new();
        if let Some(id) = id {
            for (source, notes_ref) in [
                (Source::GitAi, &cfg.git_ai_ref),
                (Source::AgentTrace, &cfg.agent_trace_ref),
            ] {
                if notes_ref.is_empty() {
                    continue;
                }
                let text = match self.repo.note(notes_ref, id, max) {
                    Ok(None) => continue,
                    Ok(Some(NoteText::Text(t))) => t,
                    Ok(Some(NoteText::TooLarge(n))) => {
                        let m =
                            format!("note of {n} bytes, over provenance.max_record_size ({max})");
                        errors.push((source, notes_ref.clone(), m));
                        continue;
                    }
                    Ok(Some(NoteText::NotUtf8)) => {
                        errors.push((source, notes_ref.clone(), "note is not UTF-8".into()));
                        continue;
                    }
                    Err(e) => {
                        errors.push((source, notes_ref.clone(), format!("cannot read: {e}")));
                        continue;
                    }
                };
                // Redacted before it is parsed: normalising would case-fold a secret past the redactor.
                let text = redactor.quiet(Field::Content, &text).into_inner();
                let parsed = match source {
                    Source::GitAi => gitai::parse(&text).map(|r| vec![r]),
                    Source::AgentTrace => trace::parse(&text),
                };
                match parsed {
                    Ok(records) => {
                        for r in records {
                            match &r.revision {
                                Some(rev) if !same_commit(rev, id) => errors.push((
                                    source,
                                    notes_ref.clone(),
                                    format!(
                                        "record describes commit {}, not the commit it is attached to",
                                        short(rev)
                                    ),
                                )),
                                _ => found.push((r, notes_ref.clone())),
                            }
                        }
                    }
                    Err(e) => errors.push((source, notes_ref.clone(), e.to_string())),
                }
            }
        }
        let globs = self.trace_globs();
        for f in &changes.files {
            if f.status == FileStatus::Deleted || !globs.is_match(&f.path) {
                continue;
            }
            let Some(bytes) = self.repo.content_at(id, &f.path, max) else {
                let m = format!(
                    "not read: not a regular file, or over provenance.max_record_size ({max})"
                );
                errors.push((Source::AgentTrace, f.path.clone(), m));
                continue;
            };
            let text = redactor
                .quiet(Field::Content, &String::from_utf8_lossy(&bytes))
                .into_inner();
            match trace::parse(&text) {
                Ok(records) => {
                    for r in records {
                        // A record naming a revision describes that commit, not the one adding it.
                        let ours = match (&r.revision, id) {
                            (None, _) => true,
                            (Some(rev), Some(id)) => same_commit(rev, id),
                            (Some(_), None) => false,
                        };
                        if ours {
                            found.push((r, f.path.clone()));
                        }
                    }
                }
                Err(e) => errors.push((Source::AgentTrace, f.path.clone(), e.to_string())),
            }
        }
        if found.is_empty() && errors.is_empty() {
            return;
        }
        let disclosures = self.disclosed_identities(commit);
        let quiet = |s: &str| redactor.quiet(Field::Preview, s).into_inner();
        let mut facts = ProvenanceFacts::default();
        // identity display → (identity, lines, files, first source)
        let mut by_identity: BTreeMap<String, (Identity, u32, Vec<String>, &'static str)> =
            BTreeMap::new();
        for (record, location) in &found {
            let mut attributions = Vec::new();
            for a in &record.attributions {
                if a.contributor.is_ai() {
                    // An Agent Trace record's `tool` is the agent that wrote it; git-ai's is
                    // git-ai itself, never the author of the lines.
                    let fallback = match record.source {
                        Source::AgentTrace => record.tool.clone(),
                        Source::GitAi => None,
                    };
                    let id = a
                        .identity
                        .clone()
                        .or(fallback)
                        .unwrap_or_else(|| Identity::new("unknown", None));
                    let e = by_identity.entry(id.display()).or_insert_with(|| {
                        (id.clone(), 0, Vec::new(), source_name(&record.source))
                    });
                    e.1 = e.1.saturating_add(a.lines);
                    if !e.2.contains(&a.path) {
                        e.2.push(a.path.clone());
                    }
                }
                attributions.push(ProvenanceAttribution {
                    path: redactor.quiet(Field::Path, &a.path),
                    ranges: a.ranges.iter().map(|&(s, e)| [s, e]).collect(),
                    lines: a.lines,
                    contributor: contributor_name(a.contributor),
                    identity: a.identity.as_ref().map(|i| quiet(&i.display())),
                    tool: a.identity.as_ref().map(|i| quiet(&i.tool)),
                    model: a
                        .identity
                        .as_ref()
                        .and_then(|i| i.model.as_deref().map(quiet)),
                });
            }
            // Overlapping ranges of several attributions count once.
            facts.ai_lines = facts
                .ai_lines
                .saturating_add(u32::try_from(record.ai_lines()).unwrap_or(u32::MAX));
            facts.records.push(ProvenanceRecord {
                source: source_name(&record.source),
                location: redactor.quiet(Field::Path, location),
                revision: record.revision.as_deref().map(quiet),
                tool: record.tool.as_ref().map(|i| quiet(&i.display())),
                attributions,
            });
        }
        for (display, (id, lines, files, source)) in by_identity {
            if lines == 0 {
                continue;
            }
            // Tool and model names come from files anyone can write: redacted like every other string.
            let display = quiet(&display);
            let disclosed = disclosures.iter().any(|d| names(d, &id));
            commit.ai_evidence.push(AiEvidence {
                signature: format!("provenance-{source}"),
                tool: display.clone(),
                strength: Strength::Strong,
                location: Where::Provenance,
                text: format!(
                    "{source} record: {lines} line{} in {} file{} by {display}",
                    plural(lines as usize),
                    files.len(),
                    plural(files.len())
                ),
                key: None,
            });
            facts.identities.push(ProvenanceIdentity {
                identity: display,
                tool: quiet(&id.tool),
                model: id.model.as_deref().map(quiet),
                provider: id.provider.as_deref().map(quiet),
                lines,
                files: files.len() as u32,
                disclosed,
            });
        }
        // Strongest first, as the catalogue's evidence comes (CH-AI-001 names the first one).
        commit
            .ai_evidence
            .sort_by_key(|e| std::cmp::Reverse(e.strength));
        for (source, location, message) in errors {
            facts.errors.push(ProvenanceError {
                source: source_name(&source),
                location: redactor.quiet(Field::Path, &location),
                message: redactor.quiet(Field::Error, &message),
            });
        }
        commit.provenance = facts;
    }

    /// The identities the commit's disclosure trailers (`disclosure.trailers`) name.
    fn disclosed_identities(&self, commit: &input::Commit) -> Vec<Identity> {
        let keys = &self.charter.charter.disclosure.trailers;
        commit
            .trailers
            .iter()
            .filter(|t| keys.iter().any(|k| k.eq_ignore_ascii_case(&t.key)))
            .filter_map(|t| identity::parse_disclosure(&t.value))
            .collect()
    }

    /// `commit.signature` and `commit.approvals` of an existing commit (pre-push, ci, report).
    pub fn add_signatures(&self, commit: &mut input::Commit, id: &str) -> Result<()> {
        let ids = self.repo.commit_ids(id)?;
        let committer = commit
            .committer
            .as_ref()
            .map(|c| c.email.clone())
            .unwrap_or_default();
        commit.signature = Some(self.signature_fact(id, &committer, ids.committer_time)?);
        commit.approvals = self.approval_facts(&ids)?;
        Ok(())
    }

    fn signature_fact(&self, id: &str, committer: &str, time: i64) -> Result<SignatureFact> {
        let Some(sig) = self.repo.commit_signature(id)? else {
            return Ok(SignatureFact {
                reason: Some("unsigned".into()),
                ..SignatureFact::default()
            });
        };
        let armour = sig.armored.trim_start();
        let format = if armour.starts_with("-----BEGIN SSH SIGNATURE-----") {
            "ssh"
        } else if armour.starts_with("-----BEGIN PGP SIGNATURE-----") {
            "gpg"
        } else if armour.starts_with("-----BEGIN SIGNED MESSAGE-----") {
            "x509"
        } else {
            "unknown"
        };
        let mut fact = SignatureFact {
            signed: true,
            format: Some(format),
            ..SignatureFact::default()
        };
        if format != "ssh" {
            fact.reason = Some("unsupported-format".into());
            return Ok(fact);
        }
        fact.fingerprint = signing::signature_fingerprint(&sig.armored);
        let Some(allowed) = self.allowed_signers()? else {
            fact.reason = Some("no-allowed-signers".into());
            return Ok(fact);
        };
        match signing::verify(
            allowed,
            &sig.armored,
            &sig.signed,
            GIT_NAMESPACE,
            time,
            Some(committer),
        ) {
            Ok(v) => {
                fact.valid = true;
                fact.principal = Some(
                    self.detectors
                        .redactor()
                        .quiet(Field::CommitterEmail, committer),
                );
                fact.fingerprint = Some(v.fingerprint);
                fact.roles = v.roles;
            }
            Err(r) => fact.reason = Some(kebab(&r)),
        }
        Ok(fact)
    }

    fn approval_facts(&self, ids: &crate::collect::notes::CommitIds) -> Result<Vec<ApprovalFact>> {
        let notes_ref = &self.charter.charter.approvals.notes_ref;
        let text = match self.repo.note(notes_ref, &ids.id, MAX_APPROVALS_NOTE)? {
            None => return Ok(Vec::new()),
            Some(NoteText::Text(t)) => t,
            Some(_) => {
                return Ok(vec![unreadable(
                    self,
                    "note over 1 MiB or not UTF-8".into(),
                )]);
            }
        };
        let (approvals, bad) = approval::parse_note(&text);
        let mut out: Vec<ApprovalFact> = bad
            .into_iter()
            .map(|(line, why)| unreadable(self, format!("line {line}: {why}")))
            .collect();
        let allowed = self.allowed_signers()?;
        let now = super::attest::now_unix();
        for a in approvals {
            out.push(self.approval_fact(&a, ids, allowed, now));
        }
        Ok(out)
    }

    fn approval_fact(
        &self,
        a: &SignedApproval,
        ids: &crate::collect::notes::CommitIds,
        allowed: Option<&AllowedSigners>,
        now: i64,
    ) -> ApprovalFact {
        let redactor = self.detectors.redactor();
        let p = &a.approval;
        let mut fact = ApprovalFact {
            signer: redactor.quiet(Field::AuthorEmail, &p.signer),
            role: p.role.clone(),
            comment: p
                .comment
                .as_deref()
                .map(|c| redactor.quiet(Field::Message, c)),
            timestamp: p.timestamp,
            date: Date::from_unix(p.timestamp).to_string(),
            fingerprint: signing::signature_fingerprint(&a.signature),
            valid: false,
            reason: None,
            roles: Vec::new(),
        };
        let reason = if p.version != approval::VERSION {
            Some("unsupported-version".to_string())
        } else if p.commit != ids.id || p.tree != ids.tree || p.parents != ids.parents {
            Some("wrong-commit".into())
        } else if p.timestamp > now + CLOCK_SKEW {
            Some("dated-in-the-future".into())
        } else if let Some(allowed) = allowed {
            match signing::verify(
                allowed,
                &a.signature,
                &p.payload(),
                APPROVAL_NAMESPACE,
                p.timestamp,
                Some(&p.signer),
            ) {
                Ok(v) => match &p.role {
                    Some(role) if !v.roles.iter().any(|r| r == role) => {
                        fact.roles = Vec::new();
                        Some("role-not-granted".into())
                    }
                    Some(role) => {
                        fact.roles = vec![role.clone()];
                        None
                    }
                    None => {
                        fact.roles = v.roles;
                        None
                    }
                },
                Err(r) => Some(kebab(&r)),
            }
        } else {
            Some("no-allowed-signers".into())
        };
        fact.valid = reason.is_none();
        fact.reason = reason;
        fact
    }
}

/// An approvals note line that does not parse: reported as an invalid approval.
fn unreadable(session: &Session, why: String) -> ApprovalFact {
    ApprovalFact {
        signer: crate::detect::redact::Redacted::default(),
        role: None,
        comment: Some(session.detectors.redactor().quiet(Field::Error, &why)),
        timestamp: 0,
        date: String::new(),
        fingerprint: None,
        valid: false,
        reason: Some("malformed".into()),
        roles: Vec::new(),
    }
}

/// A rejection's kebab-case name, as serialised.
pub(crate) fn kebab(r: &signing::Rejection) -> String {
    serde_json::to_value(r)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "rejected".into())
}

/// Whether a disclosed identity names a recorded one: the same tool, and the same model when both
/// name one.
fn names(disclosed: &Identity, recorded: &Identity) -> bool {
    if disclosed.tool_known() && recorded.tool_known() {
        disclosed.same_tool(recorded)
            && (disclosed.model.is_none()
                || recorded.model.is_none()
                || disclosed.same_model(recorded))
    } else {
        // A record without its tool (Agent Trace's `model_id` alone), or a disclosure naming only
        // a model: the models decide.
        disclosed.same_model(recorded)
    }
}

/// Full or abbreviated (at least 7 digits) ids of one commit.
fn same_commit(rev: &str, id: &str) -> bool {
    let rev = rev.trim().to_ascii_lowercase();
    rev.len() >= 7 && id.starts_with(&rev)
}

fn short(rev: &str) -> String {
    rev.chars().take(12).collect()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
