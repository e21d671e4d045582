//! Commit ranges and per-commit facts: BASE..HEAD walks, pre-push ref lines, each commit's diff, message and identities.
//! Reads the object database only (trees, blobs, commits); never the work tree, the index or the hooks' staged state.

use super::changes::{self, ChangeSet, ChangedFile};
use super::{GitError, Repo};
use crate::model::Ident;
use git2::{Oid, Sort};
use std::collections::HashSet;

/// What the fix is when CI lacks history; named in every error about missing commits.
const SHALLOW_FIX: &str = "fetch the full history: `fetch-depth: 0` for actions/checkout, \
                           `GIT_DEPTH: 0` on GitLab, or `git fetch --unshallow`";

#[derive(Debug, thiserror::Error)]
pub enum RangeError {
    #[error("unknown revision `{rev}` in `{spec}`{hint}")]
    UnknownRevision {
        spec: String,
        rev: String,
        hint: String,
    },
    #[error("this is a shallow clone and {what}; {SHALLOW_FIX}")]
    Shallow { what: String },
    #[error("invalid commit range `{0}`: expected BASE..HEAD, BASE...HEAD or one revision")]
    BadSpec(String),
    #[error(
        "pre-push: line {line}: {message} (expected `<local ref> <local sha> <remote ref> <remote sha>`)"
    )]
    BadRefLine { line: usize, message: String },
    #[error(transparent)]
    Git(#[from] GitError),
}

impl From<git2::Error> for RangeError {
    fn from(e: git2::Error) -> Self {
        RangeError::Git(GitError::Git(e))
    }
}

/// Commits to judge and the commit whose charter judges them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Range {
    /// Oldest first (topological, then commit time), each at most once.
    pub commits: Vec<String>,
    /// The base side (target branch): its `.charter/` judges every commit in the range, so a commit
    /// cannot relax the rules it is judged by. `None` when nothing below the range exists (root commit).
    pub charter_from: Option<String>,
    /// The newest commit named by the range (HEAD side), used when `charter_from` is `None`.
    pub tip: Option<String>,
}

/// One commit as the policies see it.
#[derive(Debug, Clone)]
pub struct CommitData {
    pub id: String,
    pub parents: Vec<String>,
    pub author: Ident,
    pub committer: Ident,
    /// Author and committer time, seconds since the epoch (as recorded; clocks may be wrong).
    pub author_time: i64,
    pub committer_time: i64,
    /// The message as stored in the commit object (git cleaned it up when the commit was made).
    pub message: String,
    /// The commit's own changes. For a merge: only what differs from every parent (conflict
    /// resolutions and evil-merge edits); the side commits are judged on their own.
    pub changes: ChangeSet,
}

/// One line of git's pre-push stdin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefUpdate {
    pub local_ref: String,
    pub local_sha: String,
    pub remote_ref: String,
    pub remote_sha: String,
}

impl RefUpdate {
    /// `git push origin :branch`: nothing is sent, nothing to judge.
    pub fn is_delete(&self) -> bool {
        is_zero(&self.local_sha)
    }

    /// The remote has no such ref yet.
    pub fn is_new(&self) -> bool {
        is_zero(&self.remote_sha)
    }
}

fn is_zero(sha: &str) -> bool {
    !sha.is_empty() && sha.bytes().all(|b| b == b'0')
}

fn is_hex_id(s: &str) -> bool {
    (s.len() == 40 || s.len() == 64) && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Parses git's pre-push stdin. Blank lines are ignored; anything else malformed is an error
/// rather than a silently skipped push.
pub fn parse_ref_lines(stdin: &str) -> Result<Vec<RefUpdate>, RangeError> {
    let mut out = Vec::new();
    for (i, line) in stdin.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let parts: Vec<&str> = line.split(' ').collect();
        let bad = |message: &str| RangeError::BadRefLine {
            line: i + 1,
            message: message.to_string(),
        };
        // Ref names cannot contain spaces, so exactly four fields.
        if parts.len() != 4 {
            return Err(bad(&format!("{} fields", parts.len())));
        }
        if !is_hex_id(parts[1]) || !is_hex_id(parts[3]) {
            return Err(bad("object names must be full hexadecimal ids"));
        }
        out.push(RefUpdate {
            local_ref: parts[0].to_string(),
            local_sha: parts[1].to_ascii_lowercase(),
            remote_ref: parts[2].to_string(),
            remote_sha: parts[3].to_ascii_lowercase(),
        });
    }
    Ok(out)
}

impl Repo {
    /// Resolves `BASE..HEAD` (commits reachable from HEAD and not from BASE) or `BASE...HEAD`
    /// (commits since the merge base). An empty side means HEAD, as in git.
    pub fn range(&self, spec: &str) -> Result<Range, RangeError> {
        // Judging a range reads every changed blob: libgit2 re-hashed each one to compare it with
        // its id (a tenth of a `report` over a real history); a judge reads objects, `git fsck`
        // verifies them.
        git2::opts::strict_hash_verification(false);
        let (base, head, symmetric) = if let Some((a, b)) = spec.split_once("...") {
            (a, b, true)
        } else if let Some((a, b)) = spec.split_once("..") {
            (a, b, false)
        } else if !spec.trim().is_empty() && !spec.starts_with('^') {
            // One revision, as `git rev-list REV`: its whole history, judged by its own charter.
            let tip = self.resolve(spec, spec)?;
            let commits = self.walk(&[tip], &[])?;
            return Ok(Range {
                commits: commits.iter().map(Oid::to_string).collect(),
                charter_from: None,
                tip: Some(tip.to_string()),
            });
        } else {
            return Err(RangeError::BadSpec(spec.to_string()));
        };
        let base = if base.is_empty() { "HEAD" } else { base };
        let head = if head.is_empty() { "HEAD" } else { head };
        let base_id = self.resolve(spec, base)?;
        let head_id = self.resolve(spec, head)?;
        let hide = if symmetric {
            match self.repo.merge_base(base_id, head_id) {
                Ok(m) => vec![m],
                Err(e) if e.code() == git2::ErrorCode::NotFound && self.repo.is_shallow() => {
                    return Err(RangeError::Shallow {
                        what: format!(
                            "`{base}` and `{head}` have no common ancestor in the fetched history"
                        ),
                    });
                }
                Err(e) if e.code() == git2::ErrorCode::NotFound => Vec::new(),
                Err(e) => return Err(e.into()),
            }
        } else {
            vec![base_id]
        };
        let commits = self.walk(&[head_id], &hide)?;
        Ok(Range {
            commits: commits.iter().map(Oid::to_string).collect(),
            charter_from: Some(base_id.to_string()),
            tip: Some(head_id.to_string()),
        })
    }

    pub(super) fn resolve(&self, spec: &str, rev: &str) -> Result<Oid, RangeError> {
        match self
            .repo
            .revparse_single(rev)
            .and_then(|o| o.peel_to_commit())
        {
            Ok(c) => Ok(c.id()),
            Err(e)
                if matches!(
                    e.code(),
                    git2::ErrorCode::NotFound
                        | git2::ErrorCode::InvalidSpec
                        | git2::ErrorCode::Ambiguous
                ) =>
            {
                if self.repo.is_shallow() {
                    return Err(RangeError::Shallow {
                        what: format!("`{rev}` is not in the fetched history"),
                    });
                }
                Err(RangeError::UnknownRevision {
                    spec: spec.to_string(),
                    rev: rev.to_string(),
                    hint: format!("; in CI, make sure it was fetched: {SHALLOW_FIX}"),
                })
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Commits reachable from `tips` and not from `hide`, oldest first. A shallow boundary inside the
    /// walk means a commit whose parents are unknown would be judged as if it created every file.
    fn walk(&self, tips: &[Oid], hide: &[Oid]) -> Result<Vec<Oid>, RangeError> {
        let mut walk = self.repo.revwalk()?;
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)?;
        for t in tips {
            walk.push(*t)?;
        }
        for h in hide {
            walk.hide(*h)?;
        }
        let shallow = self.shallow_boundary();
        let mut out = Vec::new();
        for id in walk {
            let id = id.map_err(|e| {
                if self.repo.is_shallow() {
                    RangeError::Shallow {
                        what: format!(
                            "the walk reached a commit that was not fetched ({})",
                            e.message()
                        ),
                    }
                } else {
                    RangeError::from(e)
                }
            })?;
            if shallow.contains(&id) {
                return Err(RangeError::Shallow {
                    what: format!(
                        "the parents of {} were not fetched, so its changes cannot be computed",
                        short(id)
                    ),
                });
            }
            out.push(id);
        }
        Ok(out)
    }

    /// Commits listed in `.git/shallow`: their parents are missing from this clone.
    fn shallow_boundary(&self) -> HashSet<Oid> {
        if !self.repo.is_shallow() {
            return HashSet::new();
        }
        let path = self.repo.commondir().join("shallow");
        std::fs::read_to_string(path)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| Oid::from_str(l.trim()).ok())
            .collect()
    }

    /// Commits reachable from `tip` that are on no remote-tracking ref (`refs/remotes/**`): what a
    /// first push of a branch sends. The charter comes from the parent of the oldest such commit.
    pub fn unpushed(&self, tip: &str) -> Result<Range, RangeError> {
        let tip_id = self.resolve(tip, tip)?;
        let mut hide = Vec::new();
        for r in self.repo.references_glob("refs/remotes/*")?.flatten() {
            if let Ok(c) = r.peel_to_commit() {
                hide.push(c.id());
            }
        }
        let commits = self.walk(&[tip_id], &hide)?;
        let charter_from = match commits.first() {
            Some(first) => self
                .repo
                .find_commit(*first)?
                .parent_ids()
                .next()
                .map(|p| p.to_string()),
            None => Some(tip_id.to_string()),
        };
        Ok(Range {
            commits: commits.iter().map(Oid::to_string).collect(),
            charter_from,
            tip: Some(tip_id.to_string()),
        })
    }

    /// The commits one pre-push ref line sends.
    /// - deleted branch: nothing;
    /// - new branch, or a remote tip this clone has never seen: commits on no remote-tracking ref;
    /// - update, including a force push: commits reachable from the local tip and not from the old
    ///   remote tip (after a rewrite that is everything above the merge base); the old remote
    ///   tip's charter judges them.
    pub fn pushed(&self, update: &RefUpdate) -> Result<Range, RangeError> {
        if update.is_delete() {
            return Ok(Range::default());
        }
        let local = Oid::from_str(&update.local_sha)?;
        if update.is_new() {
            return self.unpushed(&update.local_sha);
        }
        let remote = Oid::from_str(&update.remote_sha)?;
        if self.repo.find_commit(remote).is_err() {
            return self.unpushed(&update.local_sha);
        }
        let commits = self.walk(&[local], &[remote])?;
        Ok(Range {
            commits: commits.iter().map(Oid::to_string).collect(),
            charter_from: Some(remote.to_string()),
            tip: Some(local.to_string()),
        })
    }

    /// The facts of one commit: identities, stored message and its own changes.
    /// The id of the `.charter/` tree in `id`'s first parent (what judged the commit when it was
    /// made), `None` when the parent has none or `id` is a root commit. Commits with equal ids were
    /// judged by the same charter.
    pub fn parent_charter_tree(
        &self,
        id: &str,
    ) -> Result<(Option<String>, Option<String>), RangeError> {
        let commit = self.repo.find_commit(Oid::from_str(id)?)?;
        let Ok(parent) = commit.parent(0) else {
            return Ok((None, None));
        };
        let tree = parent.tree()?;
        let charter = tree
            .get_path(std::path::Path::new(".charter"))
            .ok()
            .map(|e| e.id().to_string());
        Ok((Some(parent.id().to_string()), charter))
    }

    /// When a merge's side branch started: the earliest author time among the commits the merge
    /// brings in (reachable from a later parent, not from the first), at most `limit` of them
    /// walked. `None` for a commit that is not a merge, or brings nothing in.
    pub fn merged_since(&self, id: &str, limit: usize) -> Result<Option<i64>, RangeError> {
        let commit = self.repo.find_commit(Oid::from_str(id)?)?;
        if commit.parent_count() < 2 {
            return Ok(None);
        }
        let mut walk = self.repo.revwalk()?;
        for p in commit.parent_ids().skip(1) {
            walk.push(p)?;
        }
        walk.hide(commit.parent_id(0)?)?;
        let mut earliest: Option<i64> = None;
        for oid in walk.take(limit) {
            let c = self.repo.find_commit(oid?)?;
            let t = c.author().when().seconds();
            earliest = Some(earliest.map_or(t, |e| e.min(t)));
        }
        Ok(earliest)
    }

    /// Who introduced each line of `path` as of `rev`: per line (1-based, in order), the id of
    /// the commit that last changed it, and the file's content at `rev` (at most `max` bytes;
    /// `None` when larger or not a regular file).
    pub fn blame(
        &self,
        path: &str,
        rev: &str,
        max: u64,
    ) -> Result<(Vec<String>, Option<Vec<u8>>), RangeError> {
        let tip = self.resolve(rev, rev)?;
        let mut opts = git2::BlameOptions::new();
        opts.newest_commit(tip);
        let blame = self
            .repo
            .blame_file(std::path::Path::new(path), Some(&mut opts))?;
        let mut lines = Vec::new();
        for hunk in blame.iter() {
            let id = hunk.final_commit_id().to_string();
            for _ in 0..hunk.lines_in_hunk() {
                lines.push(id.clone());
            }
        }
        let commit = tip.to_string();
        Ok((lines, self.content_at_commit(&commit, path, max)))
    }

    fn content_at_commit(&self, commit: &str, path: &str, max: u64) -> Option<Vec<u8>> {
        let tree = self
            .repo
            .find_commit(Oid::from_str(commit).ok()?)
            .ok()?
            .tree()
            .ok()?;
        let entry = tree.get_path(std::path::Path::new(path)).ok()?;
        let blob = self.repo.find_blob(entry.id()).ok()?;
        (blob.size() as u64 <= max).then(|| blob.content().to_vec())
    }

    /// A commit's committer time, seconds since the epoch.
    pub fn commit_time(&self, id: &str) -> Result<i64, RangeError> {
        Ok(self
            .repo
            .find_commit(Oid::from_str(id)?)?
            .committer()
            .when()
            .seconds())
    }

    pub fn commit_data(&self, id: &str, max_file_size: u64) -> Result<CommitData, RangeError> {
        let commit = self.repo.find_commit(Oid::from_str(id)?)?;
        let tree = commit.tree()?;
        let parents: Vec<git2::Commit<'_>> = commit.parents().collect();
        let first_tree = match parents.first() {
            Some(p) => Some(p.tree()?),
            None => None,
        };
        let mut changes = self.tree_changes(first_tree.as_ref(), &tree, max_file_size)?;
        for other in parents.iter().skip(1) {
            let against = self.tree_changes(Some(&other.tree()?), &tree, max_file_size)?;
            changes = intersect(changes, &against);
        }
        let in_tree = |path: &str| {
            let e = tree.get_path(std::path::Path::new(path)).ok()?;
            Some((e.id(), e.filemode() as u32))
        };
        changes.deps =
            changes::dependency_files(&self.repo, &changes, first_tree.as_ref(), &in_tree)
                .map_err(RangeError::Git)?;
        Ok(CommitData {
            id: commit.id().to_string(),
            parents: commit.parent_ids().map(|p| p.to_string()).collect(),
            author: signature_ident(&commit.author()),
            committer: signature_ident(&commit.committer()),
            author_time: commit.author().when().seconds(),
            committer_time: commit.committer().when().seconds(),
            message: String::from_utf8_lossy(commit.message_raw_bytes()).into_owned(),
            changes,
        })
    }

    fn tree_changes(
        &self,
        old: Option<&git2::Tree<'_>>,
        new: &git2::Tree<'_>,
        max_file_size: u64,
    ) -> Result<ChangeSet, RangeError> {
        let mut opts = changes::diff_options();
        let mut diff = self
            .repo
            .diff_tree_to_tree(old, Some(new), Some(&mut opts))?;
        Ok(changes::collect(&self.repo, &mut diff, max_file_size)?)
    }

    /// Every `*.rego` blob under `dir` in `commit`'s tree: (path relative to `dir`, text), sorted by path.
    /// The full and the short (12 digits) id of a commit given by its full id.
    pub(super) fn ids(&self, commit: &str) -> Result<(String, String), RangeError> {
        let c = self.repo.find_commit(Oid::from_str(commit)?)?;
        Ok((c.id().to_string(), short(c.id())))
    }

    /// Whether `ancestor` is `commit` or one of its ancestors.
    pub fn is_ancestor(&self, ancestor: &str, commit: &str) -> bool {
        match (Oid::from_str(ancestor), Oid::from_str(commit)) {
            (Ok(a), Ok(c)) => a == c || self.repo.graph_descendant_of(c, a).unwrap_or(false),
            _ => false,
        }
    }

    /// The full id of a revision (`HEAD`, a branch, a short id), if it names a commit.
    pub fn commit_id(&self, rev: &str) -> Option<String> {
        self.repo
            .revparse_single(rev)
            .and_then(|o| o.peel_to_commit())
            .ok()
            .map(|c| c.id().to_string())
    }
}

/// A commit's author or committer as the input document names them (lossy UTF-8).
pub(super) fn signature_ident(s: &git2::Signature<'_>) -> Ident {
    Ident {
        name: String::from_utf8_lossy(s.name_bytes()).into_owned(),
        email: String::from_utf8_lossy(s.email_bytes()).into_owned(),
    }
}

fn short(id: Oid) -> String {
    id.to_string()[..12].to_string()
}

/// Keeps the files and added lines of `base` that also differ from the other parent: what a merge
/// itself introduced. A file identical to one parent came from that parent and was judged there.
pub(super) fn intersect(base: ChangeSet, other: &ChangeSet) -> ChangeSet {
    let by_path: std::collections::HashMap<&str, &ChangedFile> =
        other.files.iter().map(|o| (o.path.as_str(), o)).collect();
    let mut files = Vec::with_capacity(base.files.len());
    for f in base.files {
        let Some(o) = by_path.get(f.path.as_str()) else {
            continue;
        };
        files.push(restrict_lines(f, o));
    }
    ChangeSet {
        files,
        deps: Vec::new(),
    }
}

fn restrict_lines(mut f: ChangedFile, other: &ChangedFile) -> ChangedFile {
    if f.added_line_numbers.is_empty() {
        return f;
    }
    let keep: HashSet<u32> = other.added_line_numbers.iter().copied().collect();
    if f.added_line_numbers.iter().all(|n| keep.contains(n)) {
        return f;
    }
    let old_added = std::mem::take(&mut f.added);
    let old_numbers = std::mem::take(&mut f.added_line_numbers);
    for (n, line) in old_numbers
        .into_iter()
        .zip(old_added.split(|&b| b == b'\n'))
    {
        if keep.contains(&n) {
            if !f.added_line_numbers.is_empty() {
                f.added.push(b'\n');
            }
            f.added.extend_from_slice(line);
            f.added_line_numbers.push(n);
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "1111111111111111111111111111111111111111";
    const Z: &str = "0000000000000000000000000000000000000000";

    #[test]
    fn ref_lines_parse_new_delete_and_update() {
        let text = format!(
            "refs/heads/a {A} refs/heads/a {Z}\n\n(delete) {Z} refs/heads/b {A}\r\nrefs/heads/c {A} refs/heads/c {A}\n"
        );
        let lines = parse_ref_lines(&text).unwrap();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].is_new() && !lines[0].is_delete());
        assert!(lines[1].is_delete() && !lines[1].is_new());
        assert!(!lines[2].is_new() && !lines[2].is_delete());
        assert_eq!(lines[2].remote_ref, "refs/heads/c");
    }

    #[test]
    fn malformed_ref_line_names_its_line() {
        let err = parse_ref_lines(&format!(
            "refs/heads/a {A} refs/heads/a {Z}\nrefs/heads/a {A}\n"
        ))
        .unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        let err = parse_ref_lines("refs/heads/a HEAD refs/heads/a 0\n").unwrap_err();
        assert!(err.to_string().contains("hexadecimal"), "{err}");
    }

    #[test]
    fn merge_keeps_only_lines_new_to_every_parent() {
        let f = ChangedFile {
            path: "x".into(),
            added: b"side\nresolved\nalso side".to_vec(),
            added_line_numbers: vec![2, 5, 9],
            ..ChangedFile::default()
        };
        let other = ChangedFile {
            path: "x".into(),
            added: b"resolved".to_vec(),
            added_line_numbers: vec![5],
            ..ChangedFile::default()
        };
        let only_first = ChangedFile {
            path: "y".into(),
            ..ChangedFile::default()
        };
        let merged = intersect(
            ChangeSet {
                files: vec![f, only_first],
                deps: Vec::new(),
            },
            &ChangeSet {
                files: vec![other],
                deps: Vec::new(),
            },
        );
        assert_eq!(merged.files.len(), 1);
        assert_eq!(merged.files[0].added, b"resolved");
        assert_eq!(merged.files[0].added_line_numbers, vec![5]);
    }
}
