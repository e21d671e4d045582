//! Git notes and commit signatures: the provenance records other tools attach to commits (git-ai's
//! `refs/notes/ai`, Agent Trace records), git-charter's own records (`refs/notes/charter`) and signed
//! approvals (`refs/notes/charter-approvals`), and the signature a commit carries.
//!
//! Reading is bounded (a note larger than the caller's limit is reported, never loaded). Writing
//! adds one commit to a notes ref through libgit2, which updates that ref through a lock file: no
//! branch, index or work-tree file is touched.

use super::range::RangeError;
use super::{GitError, Repo};
use git2::Oid;

/// A note's text, or why it was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteText {
    Text(String),
    /// The note's blob is larger than the limit (bytes).
    TooLarge(u64),
    /// The note is not UTF-8.
    NotUtf8,
}

/// A commit's signature as stored in its `gpgsig` header, and the bytes it signs.
#[derive(Debug, Clone)]
pub struct CommitSignature {
    pub armored: String,
    pub signed: Vec<u8>,
}

/// What `approve` and `attest` need of a commit.
#[derive(Debug, Clone)]
pub struct CommitIds {
    pub id: String,
    pub tree: String,
    pub parents: Vec<String>,
    pub committer_time: i64,
}

impl Repo {
    /// The note `notes_ref` attaches to `commit`, if any. A missing notes ref is no note.
    pub fn note(
        &self,
        notes_ref: &str,
        commit: &str,
        max_bytes: u64,
    ) -> Result<Option<NoteText>, RangeError> {
        let oid = Oid::from_str(commit)?;
        let note = match self.repo.find_note(Some(notes_ref), oid) {
            Ok(n) => n,
            Err(e) if e.code() == git2::ErrorCode::NotFound => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        let (size, _) = self.repo.odb()?.read_header(note.id())?;
        if size as u64 > max_bytes {
            return Ok(Some(NoteText::TooLarge(size as u64)));
        }
        Ok(Some(match note.message() {
            Ok(t) => NoteText::Text(t.to_string()),
            Err(_) => NoteText::NotUtf8,
        }))
    }

    /// Every note of `notes_ref` as (annotated commit, text); notes larger than `max_bytes` or
    /// not UTF-8 are left out. A missing ref has no notes.
    pub fn notes(
        &self,
        notes_ref: &str,
        max_bytes: u64,
    ) -> Result<Vec<(String, String)>, RangeError> {
        let iter = match self.repo.notes(Some(notes_ref)) {
            Ok(i) => i,
            Err(e) if e.code() == git2::ErrorCode::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e.into()),
        };
        let odb = self.repo.odb()?;
        let mut out = Vec::new();
        for item in iter {
            let (blob, commit) = item?;
            let (size, _) = odb.read_header(blob)?;
            if size as u64 > max_bytes {
                continue;
            }
            let b = self.repo.find_blob(blob)?;
            if let Ok(text) = std::str::from_utf8(b.content()) {
                out.push((commit.to_string(), text.to_string()));
            }
        }
        Ok(out)
    }

    /// Attaches `text` to `commit` under `notes_ref`, replacing its note there, as one new commit
    /// on the notes ref (by the configured identity, or `git-charter` when none is set).
    pub fn write_note(
        &self,
        notes_ref: &str,
        commit: &str,
        text: &str,
    ) -> Result<String, GitError> {
        let oid = Oid::from_str(commit)?;
        let sig = self
            .repo
            .signature()
            .or_else(|_| git2::Signature::now("git-charter", "git-charter@localhost"))?;
        let note = self
            .repo
            .note(&sig, &sig, Some(notes_ref), oid, text, true)?;
        Ok(note.to_string())
    }

    /// The signature in a commit's `gpgsig` header and the data it signs; `None` for an unsigned commit.
    pub fn commit_signature(&self, commit: &str) -> Result<Option<CommitSignature>, RangeError> {
        let oid = Oid::from_str(commit)?;
        match self.repo.extract_signature(&oid, None) {
            Ok((sig, signed)) => Ok(Some(CommitSignature {
                armored: String::from_utf8_lossy(&sig).into_owned(),
                signed: signed.to_vec(),
            })),
            Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// A revision's commit, tree and parents.
    pub fn commit_ids(&self, rev: &str) -> Result<CommitIds, RangeError> {
        let c = self
            .repo
            .revparse_single(rev)
            .and_then(|o| o.peel_to_commit())
            .map_err(|_| RangeError::UnknownRevision {
                spec: rev.to_string(),
                rev: rev.to_string(),
                hint: String::new(),
            })?;
        Ok(CommitIds {
            id: c.id().to_string(),
            tree: c.tree_id().to_string(),
            parents: c.parent_ids().map(|p| p.to_string()).collect(),
            committer_time: c.committer().when().seconds(),
        })
    }

    /// A string-valued git configuration entry.
    pub fn config_string(&self, key: &str) -> Option<String> {
        self.repo.config().ok()?.get_string(key).ok()
    }
}
