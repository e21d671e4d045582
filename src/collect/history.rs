//! Every blob reachable from a set of revisions, each once, with the commit and path that first
//! introduced it (`scan --history`). Reads the object database only.
//!
//! Commits are walked oldest first (topological order); each commit's tree is walked with every
//! tree and blob already seen skipped, so a tree or blob is visited once in the whole history and
//! the first commit whose tree holds a blob is the one that introduced it. Trees of the parents
//! just outside the walk (the base of `A..B`, the last commit before `--since`) are marked seen
//! first, so what was already there is not reported as introduced by the first commit inside.

use super::Repo;
use super::range::{RangeError, signature_ident};
use crate::model::{Ident, SkipReason};
use git2::{ObjectType, Oid, Sort};
use std::collections::HashSet;
use std::path::Path;

/// An object id (of a blob, here).
pub type BlobId = Oid;

/// One commit of the walk.
#[derive(Debug, Clone)]
pub struct HistoryCommit {
    pub id: Oid,
    /// Committer time, seconds since the epoch.
    pub time: i64,
}

/// A blob seen for the first time: where (the commit's index in `History::commits`) and under
/// which path.
#[derive(Debug, Clone)]
pub struct IntroducedBlob {
    pub id: Oid,
    pub path: String,
    pub commit: u32,
    /// The blob at the same path in the commit's first parent, when there was one: only the lines
    /// this blob adds to it are new (what `ci` judges of the commit).
    pub previous: Option<Oid>,
}

/// What `Repo::history` found.
#[derive(Debug, Default)]
pub struct History {
    /// Oldest first.
    pub commits: Vec<HistoryCommit>,
    /// In the order they were introduced.
    pub blobs: Vec<IntroducedBlob>,
    /// Every blob of HEAD's tree (empty when HEAD is unborn).
    pub at_head: HashSet<Oid>,
    /// Symbolic links and submodules met (not scanned; counted as skipped).
    pub links: u64,
    pub submodules: u64,
}

/// What limits the walk.
#[derive(Debug, Clone, Default)]
pub struct HistoryOptions {
    /// Revisions as git takes them: `main`, `v1.0..main`, `^old`; empty: every ref and HEAD.
    pub revs: Vec<String>,
    /// Only commits whose committer time is at or after this (seconds since the epoch).
    pub since: Option<i64>,
    /// Only commits whose committer time is at or before this.
    pub until: Option<i64>,
}

/// A blob's content, or why it was not read.
pub struct BlobContent {
    pub size: u64,
    pub content: Option<Vec<u8>>,
    pub skipped: Option<SkipReason>,
}

impl Repo {
    /// Walks the commits `opts` selects and lists every blob they introduce.
    pub fn history(&self, opts: &HistoryOptions) -> Result<History, RangeError> {
        // Reading every object of a history, libgit2 spent a seventh of the run re-hashing each
        // one (SHA-1 with collision detection) to compare it with its id; a scanner reads, it does
        // not verify the repository (`git fsck` does).
        git2::opts::strict_hash_verification(false);
        let repo = &self.repo;
        let mut walk = repo.revwalk()?;
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)?;
        if opts.revs.is_empty() {
            // Every branch, tag and remote-tracking ref (refs that name no commit are skipped),
            // and HEAD when it is detached.
            walk.push_glob("*")?;
            if repo.head().is_ok() {
                walk.push_head()?;
            }
        } else {
            for rev in &opts.revs {
                self.push_rev(&mut walk, rev)?;
            }
        }
        let mut out = History::default();
        let mut inside = HashSet::new();
        for id in walk {
            let id = id.map_err(|e| {
                if repo.is_shallow() {
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
            let commit = repo.find_commit(id)?;
            let time = commit.committer().when().seconds();
            if opts.since.is_some_and(|s| time < s) || opts.until.is_some_and(|u| time > u) {
                continue;
            }
            inside.insert(id);
            out.commits.push(HistoryCommit { id, time });
        }

        let mut seen_trees = HashSet::new();
        let mut seen_blobs = HashSet::new();
        // What the parents outside the walk already held is not introduced by the walk.
        for c in &out.commits {
            let commit = repo.find_commit(c.id)?;
            for parent in commit.parent_ids().filter(|p| !inside.contains(p)) {
                // A shallow clone's boundary parent is absent: nothing to mark.
                let Ok(parent) = repo.find_commit(parent) else {
                    continue;
                };
                let tree = parent.tree_id();
                self.walk_tree(
                    tree,
                    None,
                    &mut seen_trees,
                    &mut seen_blobs,
                    &mut |_, _, _| {},
                    &mut (0, 0),
                )?;
            }
        }
        let mut counts = (0u64, 0u64);
        for (i, c) in out.commits.iter().enumerate() {
            let commit = repo.find_commit(c.id)?;
            let tree = commit.tree_id();
            // A parent missing from a shallow clone leaves nothing to compare with.
            let parent_tree = commit.parents().next().map(|p| p.tree_id());
            let blobs = &mut out.blobs;
            self.walk_tree(
                tree,
                parent_tree,
                &mut seen_trees,
                &mut seen_blobs,
                &mut |id, path, previous| {
                    blobs.push(IntroducedBlob {
                        id,
                        path,
                        commit: i as u32,
                        previous,
                    })
                },
                &mut counts,
            )?;
        }
        (out.links, out.submodules) = counts;
        if let Ok(head) = repo.head().and_then(|h| h.peel_to_tree()) {
            let (mut trees, mut blobs) = (HashSet::new(), HashSet::new());
            self.walk_tree(
                head.id(),
                None,
                &mut trees,
                &mut blobs,
                &mut |_, _, _| {},
                &mut (0, 0),
            )?;
            out.at_head = blobs;
        }
        Ok(out)
    }

    /// Pushes one revision argument onto the walk: `A..B`, `A...B`, `^A` or a revision.
    fn push_rev(&self, walk: &mut git2::Revwalk<'_>, rev: &str) -> Result<(), RangeError> {
        let side = |s: &str| self.resolve(rev, if s.is_empty() { "HEAD" } else { s });
        if let Some((a, b)) = rev.split_once("...") {
            // Both sides, down to their merge base.
            let (a, b) = (side(a)?, side(b)?);
            walk.push(a)?;
            walk.push(b)?;
            if let Ok(base) = self.repo.merge_base(a, b) {
                walk.hide(base)?;
            }
            return Ok(());
        }
        if let Some((a, b)) = rev.split_once("..") {
            walk.hide(side(a)?)?;
            walk.push(side(b)?)?;
            return Ok(());
        }
        match rev.strip_prefix('^') {
            Some(hidden) => walk.hide(self.resolve(rev, hidden)?)?,
            None => walk.push(self.resolve(rev, rev)?)?,
        }
        Ok(())
    }

    /// Walks `root` without recursion (a hostile tree may nest deeply), skipping trees and blobs
    /// already seen and calling `found` with each new regular blob, its path and the blob at the
    /// same path under `parent` (the first parent's tree), if any.
    fn walk_tree(
        &self,
        root: Oid,
        parent: Option<Oid>,
        seen_trees: &mut HashSet<Oid>,
        seen_blobs: &mut HashSet<Oid>,
        found: &mut dyn FnMut(Oid, String, Option<Oid>),
        counts: &mut (u64, u64),
    ) -> Result<(), RangeError> {
        if !seen_trees.insert(root) {
            return Ok(());
        }
        let mut stack = vec![(root, String::new(), parent)];
        while let Some((id, prefix, parent)) = stack.pop() {
            let tree = self.repo.find_tree(id)?;
            let old = parent.and_then(|p| self.repo.find_tree(p).ok());
            for e in tree.iter() {
                let name = String::from_utf8_lossy(e.name_bytes());
                let path = || {
                    if prefix.is_empty() {
                        name.to_string()
                    } else {
                        format!("{prefix}/{name}")
                    }
                };
                // The entry of the same name in the parent's tree, of the given kind.
                let before = |kind: ObjectType| {
                    let o = old.as_ref()?.get_name_bytes(e.name_bytes())?;
                    (o.kind() == Some(kind) && o.filemode() != 0o120000).then(|| o.id())
                };
                match e.kind() {
                    Some(ObjectType::Tree) if seen_trees.insert(e.id()) => {
                        stack.push((e.id(), path(), before(ObjectType::Tree)));
                    }
                    Some(ObjectType::Blob) if e.filemode() == 0o120000 => {
                        counts.0 += u64::from(seen_blobs.insert(e.id()));
                    }
                    Some(ObjectType::Blob) if seen_blobs.insert(e.id()) => {
                        found(e.id(), path(), before(ObjectType::Blob))
                    }
                    Some(ObjectType::Commit) => counts.1 += 1,
                    _ => {}
                }
            }
        }
        Ok(())
    }
}

/// Bounds libgit2's object cache for a history scan: it keeps up to 256 MiB of parsed trees and
/// commits by default, and a walk reads each tree once (and its parent's twice). Must be called before
/// the process starts other threads: libgit2 reads the setting without synchronisation.
pub fn limit_object_cache() {
    // SAFETY: called from `scan_history` first thing, while the process has one thread.
    let _ = unsafe { git2::opts::set_cache_max_size(32 << 20) };
}

/// A repository handle of one thread of a parallel scan (a `git2::Repository` is not `Sync`).
pub struct ObjectReader {
    repo: git2::Repository,
}

/// A commit's own text fields.
pub struct CommitFields {
    pub message: String,
    pub author: Ident,
    pub committer: Ident,
}

impl ObjectReader {
    pub fn open(git_dir: &Path) -> Result<ObjectReader, git2::Error> {
        Ok(ObjectReader {
            repo: git2::Repository::open(git_dir)?,
        })
    }

    pub fn commit(&self, id: Oid) -> Result<CommitFields, git2::Error> {
        let c = self.repo.find_commit(id)?;
        Ok(CommitFields {
            message: String::from_utf8_lossy(c.message_raw_bytes()).into_owned(),
            author: signature_ident(&c.author()),
            committer: signature_ident(&c.committer()),
        })
    }

    /// The blob's text (decoded like staged content), or why it was skipped: larger than
    /// `max_size` (checked from the object header, before inflating it) or binary.
    pub fn read(&self, id: Oid, max_size: u64) -> Result<BlobContent, git2::Error> {
        let odb = self.repo.odb()?;
        let (size, _) = odb.read_header(id)?;
        let size = size as u64;
        if size > max_size {
            return Ok(BlobContent {
                size,
                content: None,
                skipped: Some(SkipReason::TooLarge),
            });
        }
        let blob = self.repo.find_blob(id)?;
        let c = blob.content();
        Ok(if let Some(text) = super::changes::decode_text(c) {
            BlobContent {
                size,
                content: Some(text),
                skipped: None,
            }
        } else if super::changes::is_binary(c) {
            BlobContent {
                size,
                content: None,
                skipped: Some(SkipReason::Binary),
            }
        } else {
            BlobContent {
                size,
                content: Some(c.to_vec()),
                skipped: None,
            }
        })
    }
}
