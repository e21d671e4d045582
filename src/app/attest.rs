//! git-charter's records and signed approvals: `attest` (and the post-commit hook, `ci --attest`)
//! judges commits as `ci` does and writes each one's record to `provenance.notes_ref`; `log`
//! queries the records; `approve` signs an approval of a commit with the reviewer's SSH key and
//! appends it to `approvals.notes_ref`. Notes refs only: never a branch, the index or the work tree.

use super::ci::{Mode, judge_commits};
use super::session::{CharterParts, Session};
use crate::attestation::{Attestation, Context};
use crate::collect::notes::NoteText;
use crate::collect::range::Range;
use crate::collect::{CharterSource, Repo};
use crate::detect::redact::Field;
use crate::error::{Error, Result};
use crate::model::Stage;
use crate::policy::Evaluator;
use crate::report::progress::Progress;
use crate::signing::approval::{self, Approval, SignedApproval};
use crate::signing::{self, APPROVAL_NAMESPACE};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

/// The largest record `log` reads.
const MAX_RECORD: u64 = 1 << 20;

/// What an attestation needs of the session and policies that judged the commit, computed once.
pub(crate) struct AttestParts {
    pub charter_digest: String,
    pub policy_digest: String,
    pub stages_of: BTreeMap<String, Option<Vec<Stage>>>,
    pub disclosure_keys: Vec<String>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl AttestParts {
    pub(crate) fn of(session: &Session, evaluator: &Evaluator) -> AttestParts {
        let charter =
            serde_json::to_string(&session.charter.charter).expect("the charter serialises");
        let mut sources: Vec<(&str, &str)> = session
            .sources
            .iter()
            .map(|s| (s.origin.as_str(), s.text.as_str()))
            .collect();
        sources.sort();
        let mut h = Sha256::new();
        for (origin, text) in sources {
            for part in [origin, text] {
                h.update((part.len() as u64).to_le_bytes());
                h.update(part.as_bytes());
            }
        }
        AttestParts {
            charter_digest: format!("sha256:{}", hex(&Sha256::digest(charter.as_bytes()))),
            policy_digest: format!("sha256:{}", hex(&h.finalize())),
            stages_of: evaluator
                .policies()
                .iter()
                .map(|p| (p.id().to_string(), p.metadata.custom.stages.clone()))
                .collect(),
            disclosure_keys: session.charter.charter.disclosure.trailers.clone(),
        }
    }

    pub(crate) fn record(
        &self,
        input: &crate::input::Input,
        violations: &[crate::model::Violation],
        facts: Option<&serde_json::Value>,
        tree: String,
        committed: i64,
    ) -> Attestation {
        let cx = Context {
            tree,
            committed,
            attested: now_unix(),
            charter_digest: self.charter_digest.clone(),
            policy_digest: self.policy_digest.clone(),
            stages_of: &self.stages_of,
            facts,
            disclosure_keys: &self.disclosure_keys,
        };
        Attestation::build(input, violations, &cx)
    }
}

pub(crate) fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Judges `revs` (default HEAD) each by the charter of its first parent, as `ci` does, and returns
/// their records; writes them to the notes ref unless `dry_run`.
pub fn attest(dir: &Path, revs: &[String], dry_run: bool) -> Result<Vec<Attestation>> {
    let repo = Repo::discover_history(dir)?;
    let revs: Vec<String> = if revs.is_empty() {
        vec!["HEAD".into()]
    } else {
        revs.to_vec()
    };
    let mut ranges = Vec::new();
    for rev in &revs {
        let ids = repo.commit_ids(rev)?;
        ranges.push(Range {
            commits: vec![ids.id.clone()],
            charter_from: ids.parents.first().cloned(),
            tip: Some(ids.id),
        });
    }
    let root = repo.root().to_path_buf();
    let records = attest_ranges(repo, &ranges)?;
    if !dry_run {
        write_records(&Repo::discover_history(&root)?, &records)?;
    }
    Ok(records)
}

/// The records of the commits of `ranges`, each range judged by the charter of its base.
pub(crate) fn attest_ranges(repo: Repo, ranges: &[Range]) -> Result<Vec<Attestation>> {
    let root = repo.root().to_path_buf();
    let mut repo = Some(repo);
    let mut out = Vec::new();
    let progress = Progress::new(None, "commits");
    for r in ranges {
        let repo = match repo.take() {
            Some(r) => r,
            None => Repo::discover_history(&root)?,
        };
        let at = r.charter_from.clone().or_else(|| r.tip.clone());
        let parts = CharterParts::read(&CharterSource::commit(&repo, at.as_deref())?)?;
        let session = Session::new(repo, parts.clone())?;
        let evaluator = session.evaluator()?;
        let outcome = judge_commits(
            session,
            evaluator,
            &parts,
            &r.commits,
            Stage::Ci,
            Vec::new(),
            &progress,
            Mode::Attest,
        )?;
        out.extend(outcome.attestations);
    }
    Ok(out)
}

/// Writes each record as its commit's note in the charter's `provenance.notes_ref` (read from
/// the work tree's charter, else the default), replacing an earlier record of that commit.
pub fn write_records(repo: &Repo, records: &[Attestation]) -> Result<String> {
    let notes_ref = notes_ref(repo)?;
    for r in records {
        repo.write_note(&notes_ref, &r.commit, &r.to_note())
            .map_err(|e| Error::Io {
                path: repo.git_dir().join(&notes_ref),
                source: std::io::Error::other(e.to_string()),
            })?;
    }
    Ok(notes_ref)
}

/// Where the records go: `provenance.notes_ref` of HEAD's charter (else the default).
pub fn records_ref(dir: &Path) -> Result<String> {
    notes_ref(&Repo::discover_history(dir)?)
}

fn notes_ref(repo: &Repo) -> Result<String> {
    Ok(head_charter(repo)?.charter.provenance.notes_ref)
}

/// HEAD's charter (the embedded default before the first commit).
fn head_charter(repo: &Repo) -> Result<crate::config::LoadedCharter> {
    let head = repo.commit_id("HEAD");
    super::session::read_charter(&CharterSource::commit(repo, head.as_deref())?)
}

/// Whether the work tree's charter sets `provenance.attest` (false when it cannot be read).
pub fn attest_on(dir: &Path) -> bool {
    Repo::discover(dir)
        .ok()
        .and_then(|repo| {
            super::session::read_charter(&CharterSource::WorkTree(repo.root().to_path_buf())).ok()
        })
        .is_some_and(|c| c.charter.provenance.attest)
}

/// The post-commit hook: the record of HEAD when the work tree's charter sets `provenance.attest`.
pub fn post_commit(dir: &Path) -> Result<Option<Attestation>> {
    let repo = Repo::discover_history(dir)?;
    if !head_charter(&repo)?.charter.provenance.attest {
        return Ok(None);
    }
    Ok(attest(dir, &[], false)?.into_iter().next())
}

/// `git charter log`'s filters.
#[derive(Debug, Clone, Default)]
pub struct LogFilter {
    pub paths: Vec<String>,
    pub tool: Option<String>,
    pub model: Option<String>,
    pub tier: Option<String>,
    pub verdict: Option<String>,
    /// Committed at or after / at or before, seconds since the epoch.
    pub since: Option<i64>,
    pub until: Option<i64>,
}

/// Records that could not be read, by commit, with why.
pub type Unreadable = Vec<(String, String)>;

/// Every record of the notes ref that passes `filter`, newest commit first.
pub fn log(dir: &Path, filter: &LogFilter) -> Result<(Vec<Attestation>, Unreadable)> {
    let repo = Repo::discover_history(dir)?;
    let notes_ref = notes_ref(&repo)?;
    let notes = repo.notes(&notes_ref, MAX_RECORD)?;
    let head = repo.commit_id("HEAD");
    let parts = CharterParts::read(&CharterSource::commit(&repo, head.as_deref())?)?;
    // Anyone who can push the notes ref can write anything into it: every string of a record is
    // redacted before it is shown, as if it came from a file.
    let session = Session::new(repo, parts)?;
    let redactor = session.detectors.redactor();
    let mut records = Vec::new();
    let mut bad = Vec::new();
    for (commit, text) in notes {
        let parsed = Attestation::from_note(&text).and_then(|r| {
            let mut v = serde_json::to_value(&r).map_err(|e| e.to_string())?;
            redact_strings(&mut v, &redactor);
            serde_json::from_value::<Attestation>(v).map_err(|e| e.to_string())
        });
        match parsed {
            Ok(r) if r.commit == commit => records.push(r),
            Ok(r) => bad.push((
                commit,
                format!(
                    "the record describes {}",
                    &r.commit[..r.commit.len().min(12)]
                ),
            )),
            Err(e) => bad.push((commit, redactor.quiet(Field::Error, &e).into_inner())),
        }
    }
    records.retain(|r| matches(r, filter));
    records.sort_by(|a, b| b.committed.cmp(&a.committed).then(a.commit.cmp(&b.commit)));
    Ok((records, bad))
}

fn redact_strings(v: &mut serde_json::Value, redactor: &crate::detect::redact::Redactor<'_>) {
    match v {
        serde_json::Value::String(s) => *s = redactor.quiet(Field::Preview, s).into_inner(),
        serde_json::Value::Array(a) => a.iter_mut().for_each(|x| redact_strings(x, redactor)),
        serde_json::Value::Object(o) => o.values_mut().for_each(|x| redact_strings(x, redactor)),
        _ => {}
    }
}

fn contains_ci(hay: &str, needle: &str) -> bool {
    hay.to_lowercase().contains(&needle.to_lowercase())
}

fn matches(r: &Attestation, f: &LogFilter) -> bool {
    let under = |path: &str, prefix: &str| {
        let prefix = prefix.trim_end_matches('/');
        prefix.is_empty()
            || prefix == "."
            || path == prefix
            || path.starts_with(&format!("{prefix}/"))
    };
    (f.paths.is_empty()
        || r.files
            .iter()
            .any(|file| f.paths.iter().any(|p| under(&file.path, p))))
        && f.tool.as_ref().is_none_or(|t| {
            r.ai.tools.iter().any(|x| contains_ci(x, t))
                || r.ai.identities.iter().any(|i| contains_ci(&i.tool, t))
        })
        && f.model.as_ref().is_none_or(|m| {
            r.ai.identities
                .iter()
                .any(|i| i.model.as_deref().is_some_and(|x| contains_ci(x, m)))
                || r.disclosure.trailers.iter().any(|t| contains_ci(t, m))
        })
        && f.tier
            .as_ref()
            .is_none_or(|t| r.files.iter().any(|file| file.tier.eq_ignore_ascii_case(t)))
        && f.verdict.as_ref().is_none_or(|v| &r.verdict == v)
        && f.since.is_none_or(|s| r.committed >= s)
        && f.until.is_none_or(|u| r.committed <= u)
}

/// What `approve` did.
#[derive(Debug, Clone)]
pub struct Approved {
    pub approval: SignedApproval,
    pub fingerprint: String,
    pub notes_ref: String,
    /// Roles the approval counts for.
    pub roles: Vec<String>,
}

/// Signs an approval of `rev` with the configured SSH key and appends it to the approvals note.
/// It is verified against the allowed-signers file (the work tree's charter names it) before it is
/// stored: an approval that `ci` would reject is refused here, with the reason.
pub fn approve(
    dir: &Path,
    rev: &str,
    role: Option<&str>,
    comment: Option<&str>,
) -> Result<Approved> {
    let repo = Repo::discover_history(dir)?;
    let ids = repo.commit_ids(rev)?;
    let signer = repo
        .config_string("user.email")
        .filter(|e| !e.trim().is_empty())
        .ok_or_else(|| {
            Error::Usage("approve: set user.email (the identity the approval is signed as)".into())
        })?;
    let key = repo
        .config_string("user.signingkey")
        .filter(|k| !k.trim().is_empty())
        .ok_or_else(|| {
            Error::Usage(
                "approve: set user.signingkey to your SSH key (a path to the private or public key, \
                 or `key::ssh-ed25519 …`), as for `git commit -S` with gpg.format=ssh"
                    .into(),
            )
        })?;
    let program = repo
        .config_string("gpg.ssh.program")
        .unwrap_or_else(|| "ssh-keygen".into());
    let parts = CharterParts::read(&CharterSource::WorkTree(repo.root().to_path_buf()))?;
    let notes_ref = parts.charter.charter.approvals.notes_ref.clone();
    let approval = Approval {
        version: approval::VERSION,
        commit: ids.id.clone(),
        tree: ids.tree.clone(),
        parents: ids.parents.clone(),
        signer: signer.trim().to_string(),
        role: role.map(str::to_string),
        comment: comment.map(str::to_string),
        timestamp: now_unix(),
    };
    let payload = approval.payload();
    let signature = signing::sign::sign(&program, &key, APPROVAL_NAMESPACE, &payload)
        .map_err(|e| Error::Usage(format!("approve: {e}")))?;
    let signed = SignedApproval {
        approval,
        signature,
    };
    let session = Session::new(Repo::discover_history(dir)?, parts)?;
    let Some(allowed) = session.allowed_signers()? else {
        return Err(Error::Usage(format!(
            "approve: no allowed-signers file at {}: add your key there (`{} namespaces=\"git,git-charter\" <key> roles=…`)",
            session.charter.charter.approvals.allowed_signers, signed.approval.signer
        )));
    };
    let v = signing::verify(
        allowed,
        &signed.signature,
        &payload,
        APPROVAL_NAMESPACE,
        signed.approval.timestamp,
        Some(&signed.approval.signer),
    )
    .map_err(|r| {
        Error::Usage(format!(
            "approve: the allowed-signers file would not accept this approval: {} ({}; key {})",
            r.describe(),
            super::provenance::kebab(&r),
            signing::signature_fingerprint(&signed.signature).unwrap_or_default()
        ))
    })?;
    if let Some(role) = role
        && !v.roles.iter().any(|r| r == role)
    {
        return Err(Error::Usage(format!(
            "approve: your allowed-signers entry does not give you the role `{role}` (it gives: {})",
            if v.roles.is_empty() {
                "none".to_string()
            } else {
                v.roles.join(", ")
            }
        )));
    }
    let mut text = match repo.note(&notes_ref, &ids.id, 1 << 20)? {
        Some(NoteText::Text(t)) => t,
        None => String::new(),
        Some(_) => {
            return Err(Error::Usage(format!(
                "approve: the note of {} in {notes_ref} is not an approvals note (over 1 MiB or not UTF-8)",
                ids.id
            )));
        }
    };
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&approval::to_note_line(&signed));
    text.push('\n');
    repo.write_note(&notes_ref, &ids.id, &text)
        .map_err(|e| Error::Io {
            path: repo.git_dir().join(&notes_ref),
            source: std::io::Error::other(e.to_string()),
        })?;
    let roles = match role {
        Some(r) => vec![r.to_string()],
        None => v.roles,
    };
    Ok(Approved {
        approval: signed,
        fingerprint: v.fingerprint,
        notes_ref,
        roles,
    })
}
