//! Reading from git and the repository: staged changes, commit messages, identities, git settings,
//! commit ranges, blobs, and the charter's files from the work tree or from a commit (`source`).
//! The only module that uses git2 or reads repository files. It never writes to the index, the work tree or history;
//! the one thing it writes is a note, on a notes ref (`notes`), for `attest` and `approve`.

pub mod agent;
pub mod bundle;
mod changes;
pub mod files;
pub mod history;
pub mod hooks;
pub mod notes;
pub mod range;
pub mod source;

pub use changes::{ChangeSet, ChangedFile, from_unified_diff};
pub use source::{CharterSource, ReadError};

use crate::model::Ident;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("not a git repository (or any parent up to the root): {0}")]
    NotARepo(PathBuf),
    #[error(
        "{0} is a bare repository: the hooks judge a work tree; use `git charter ci --range` to judge commits"
    )]
    Bare(PathBuf),
    #[error("git: {0}")]
    Git(#[from] git2::Error),
    /// A file git hands us (the commit-msg hook's message) cannot be read.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A path to scan that does not exist.
    #[error("{}: no such file or directory", .0.display())]
    NoSuchPath(PathBuf),
    #[error("current directory: {0}")]
    CurrentDir(#[source] std::io::Error),
    /// The staged change touches more files than the caller can judge (`limits.max_files`);
    /// counted before any content is read.
    #[error("the staged change touches {files} files, over the limit of {max}")]
    TooManyFiles { files: usize, max: u64 },
    /// GIT_INDEX_FILE names a file that does not exist.
    #[error("GIT_INDEX_FILE names {}, which does not exist: nothing to judge (unset it, or run from `git commit`)", .0.display())]
    MissingIndex(PathBuf),
}

/// The git configuration a run needs, read once (CI judges thousands of commits with it).
#[derive(Debug, Clone, Default)]
pub struct GitSettings {
    /// `core.commentChar`, else `core.commentString`, as configured (`auto` is resolved per message).
    pub comment: Option<String>,
    /// `trailer.separators`.
    pub trailer_separators: Option<String>,
    /// The values of every `trailer.<token>.key`.
    pub trailer_keys: Vec<String>,
    /// Author and committer as git would record them for a commit made now.
    pub author: Option<Ident>,
    pub committer: Option<Ident>,
}

/// Reads the message file git hands the commit-msg hook (raw: comments and trailing blank lines included).
pub fn read_message_file(path: &Path) -> Result<String, GitError> {
    let raw = std::fs::read(path).map_err(|source| GitError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(String::from_utf8_lossy(&raw).into_owned())
}

/// `message` with `trailers` (`Key: value`) added by `git interpret-trailers` itself, run in
/// `dir` (so the repository's `trailer.*` settings apply), as `git commit --trailer` adds them.
/// `None` when git cannot be run or fails.
pub fn interpret_trailers(dir: &Path, message: &str, trailers: &[String]) -> Option<String> {
    use std::io::Write;
    let mut cmd = std::process::Command::new("git");
    cmd.current_dir(dir).arg("interpret-trailers");
    for t in trailers {
        cmd.arg("--trailer").arg(t);
    }
    let mut child = cmd
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let text = message.to_string();
    // Written from a thread: a message larger than the pipe would otherwise block both sides.
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let out = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// An open repository with a work tree.
pub struct Repo {
    repo: git2::Repository,
    root: PathBuf,
}

/// What a proposed `git commit` commits (`Repo::proposed`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The index, as staged.
    Index,
    /// `-a`/`--all`: the index and the work-tree content of every tracked file.
    All,
    /// `git commit <paths>` (`--only`): the work-tree content of those paths.
    Paths(Vec<String>),
}

/// Where HEAD points, for the input document.
#[derive(Debug, Clone, Default)]
pub struct HeadInfo {
    pub branch: Option<String>,
    pub head: Option<String>,
    /// MERGE_HEAD exists: the commit being made concludes a merge.
    pub merging: bool,
}

impl Repo {
    /// Finds the repository containing `start`, like git does (GIT_DIR and GIT_WORK_TREE are honoured).
    pub fn discover(start: &Path) -> Result<Repo, GitError> {
        let repo = git2::Repository::open_from_env()
            .ok()
            .filter(|_| std::env::var_os("GIT_DIR").is_some())
            .map(Ok)
            .unwrap_or_else(|| git2::Repository::discover(start))
            .map_err(|e| match e.code() {
                git2::ErrorCode::NotFound => GitError::NotARepo(start.to_path_buf()),
                _ => GitError::Git(e),
            })?;
        let root = match repo.workdir() {
            Some(w) => w.to_path_buf(),
            None => return Err(GitError::Bare(repo.path().to_path_buf())),
        };
        Ok(Repo { repo, root })
    }

    /// Like `discover`, but also accepts a bare repository (mirrors, server-side checks): commit
    /// ranges are read from objects only. `root()` is then the git directory.
    pub fn discover_history(start: &Path) -> Result<Repo, GitError> {
        match Repo::discover(start) {
            Err(GitError::Bare(path)) => {
                let repo = git2::Repository::open(&path)?;
                Ok(Repo { repo, root: path })
            }
            r => r,
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The work tree's path as policies see it (`input.repo.root`): no trailing slash.
    pub fn root_string(&self) -> String {
        self.root
            .display()
            .to_string()
            .trim_end_matches('/')
            .to_string()
    }

    pub fn git_dir(&self) -> &Path {
        self.repo.path()
    }

    /// The git directory linked worktrees share (`git rev-parse --git-common-dir`).
    pub fn common_dir(&self) -> &Path {
        self.repo.commondir()
    }

    /// When HEAD's commit was made (seconds since the epoch), if there is one.
    pub fn head_time(&self) -> Option<u64> {
        let c = self.repo.head().ok()?.peel_to_commit().ok()?;
        u64::try_from(c.time().seconds()).ok()
    }

    pub fn head_info(&self) -> HeadInfo {
        let mut info = HeadInfo {
            merging: self.repo.path().join("MERGE_HEAD").exists(),
            ..HeadInfo::default()
        };
        match self.repo.head() {
            Ok(head) => {
                if head.is_branch() {
                    info.branch = head.shorthand().ok().map(str::to_string);
                }
                info.head = head.target().map(|o| o.to_string());
            }
            Err(_) => {
                // Unborn branch: HEAD names a branch that has no commit yet.
                if let Ok(r) = self.repo.find_reference("HEAD")
                    && let Ok(Some(t)) = r.symbolic_target()
                {
                    info.branch = Some(t.trim_start_matches("refs/heads/").to_string());
                }
            }
        }
        info
    }

    /// `content_at`, with the 1-based numbers of the lines the change adds: a diff, as git makes
    /// it, against the same path in the first parent of `commit` (or HEAD for the index and the
    /// work tree; no parent, or no such path there: every line is added).
    pub fn content_with_added(
        &self,
        commit: Option<&str>,
        path: &str,
        max: u64,
    ) -> Option<(Vec<u8>, Vec<u32>)> {
        let new = self.content_at(commit, path, max)?;
        let base = match commit {
            Some(id) => git2::Oid::from_str(id)
                .ok()
                .and_then(|o| self.repo.find_commit(o).ok())
                .and_then(|c| c.parent(0).ok()),
            None => self.repo.head().ok().and_then(|h| h.peel_to_commit().ok()),
        };
        let old = base
            .and_then(|c| c.tree().ok())
            .and_then(|t| t.get_path(Path::new(path)).ok())
            .and_then(|e| self.repo.find_blob(e.id()).ok())
            .filter(|b| b.size() as u64 <= max)
            .map(|b| b.content().to_vec());
        let Some(old) = old else {
            let n = new.iter().filter(|&&b| b == b'\n').count()
                + usize::from(!new.is_empty() && !new.ends_with(b"\n"));
            return Some((new, (1..=n as u32).collect()));
        };
        let mut opts = git2::DiffOptions::new();
        opts.context_lines(0);
        let patch = git2::Patch::from_buffers(&old, None, &new, None, Some(&mut opts)).ok()?;
        let mut added = Vec::new();
        for h in 0..patch.num_hunks() {
            let lines = patch.num_lines_in_hunk(h).ok()?;
            for l in 0..lines {
                let line = patch.line_in_hunk(h, l).ok()?;
                if line.origin() == '+'
                    && let Some(n) = line.new_lineno()
                {
                    added.push(n);
                }
            }
        }
        drop(patch);
        Some((new, added))
    }

    /// The content of `path` (relative to the root, `/` separators) as the change being judged
    /// has it: in `commit`'s tree, or in the index when `commit` is `None` (the hooks), else the
    /// work tree's regular file (what an agent just wrote). `None` for a path that is not a
    /// regular file there, or is over `max` bytes. Never follows a symbolic link.
    pub fn content_at(&self, commit: Option<&str>, path: &str, max: u64) -> Option<Vec<u8>> {
        let regular = |mode: u32| matches!(mode, 0o100644 | 0o100755 | 0o100664);
        let blob = |id: git2::Oid| {
            let b = self.repo.find_blob(id).ok()?;
            (b.size() as u64 <= max).then(|| b.content().to_vec())
        };
        match commit {
            Some(id) => {
                let tree = self
                    .repo
                    .find_commit(git2::Oid::from_str(id).ok()?)
                    .ok()?
                    .tree()
                    .ok()?;
                let entry = tree.get_path(Path::new(path)).ok()?;
                if !regular(entry.filemode() as u32) {
                    return None;
                }
                blob(entry.id())
            }
            None => {
                let index = self.repo.index().ok()?;
                if let Some(e) = index.get_path(Path::new(path), 0) {
                    return if regular(e.mode) { blob(e.id) } else { None };
                }
                let full = self.root.join(path);
                let meta = std::fs::symlink_metadata(&full).ok()?;
                if !meta.file_type().is_file() || meta.len() > max {
                    return None;
                }
                // Every directory on the way must be a real one, as `CharterSource` requires.
                let mut dir = self.root.clone();
                for c in Path::new(path).parent()?.components() {
                    dir.push(c);
                    if !std::fs::symlink_metadata(&dir).ok()?.file_type().is_dir() {
                        return None;
                    }
                }
                std::fs::read(&full).ok().filter(|b| b.len() as u64 <= max)
            }
        }
    }

    /// The changes staged in the index, against HEAD (or the empty tree before the first commit).
    /// More than `max_files` changed files is `TooManyFiles`, found before any blob is read
    /// (when concluding a merge, the files judged are counted after the merge's own are kept).
    pub fn staged(&self, max_file_size: u64, max_files: u64) -> Result<ChangeSet, GitError> {
        self.proposed(max_file_size, max_files, amending(), &Scope::Index)
    }

    /// What a `git commit` that has not started yet would commit (the agent hooks judge it before
    /// it runs): the index, or with `-a` the index and every tracked file's work-tree content, or
    /// with paths those files' work-tree content; against HEAD's parent with `--amend`.
    pub fn proposed(
        &self,
        max_file_size: u64,
        max_files: u64,
        amend: bool,
        scope: &Scope,
    ) -> Result<ChangeSet, GitError> {
        let head_tree = match self.repo.head() {
            // `git commit --amend` replaces HEAD: the commit being made is judged against HEAD's
            // parent, as `ci` will judge it, not just the change made on top of HEAD.
            Ok(h) if amend => {
                let commit = h.peel_to_commit()?;
                match commit.parent(0) {
                    Ok(p) => Some(p.tree()?),
                    Err(_) => None,
                }
            }
            Ok(h) => Some(h.peel_to_tree()?),
            Err(e)
                if matches!(
                    e.code(),
                    git2::ErrorCode::UnbornBranch | git2::ErrorCode::NotFound
                ) =>
            {
                None
            }
            Err(e) => return Err(e.into()),
        };
        let index = self.index()?;
        let mut opts = changes::diff_options();
        let workdir = match scope {
            Scope::Index => false,
            Scope::All => true,
            Scope::Paths(paths) => {
                for p in paths {
                    opts.pathspec(p);
                }
                opts.disable_pathspec_match(false);
                true
            }
        };
        if workdir {
            let mut diff = self
                .repo
                .diff_tree_to_workdir_with_index(head_tree.as_ref(), Some(&mut opts))?;
            if diff.deltas().len() as u64 > max_files {
                return Err(GitError::TooManyFiles {
                    files: diff.deltas().len(),
                    max: max_files,
                });
            }
            let mut set =
                changes::collect_workdir(&self.repo, &self.root, &mut diff, max_file_size)?;
            let on_disk = |path: &str| changes::dependency_file_on_disk(&self.root, path);
            set.deps =
                changes::dependency_files_with(&self.repo, &set, head_tree.as_ref(), &on_disk)?;
            return Ok(set);
        }
        let mut diff =
            self.repo
                .diff_tree_to_index(head_tree.as_ref(), Some(&index), Some(&mut opts))?;
        let merging = self.merge_heads();
        let too_many = |files: usize| files as u64 > max_files;
        if merging.is_empty() && too_many(diff.deltas().len()) {
            return Err(GitError::TooManyFiles {
                files: diff.deltas().len(),
                max: max_files,
            });
        }
        let mut set = changes::collect(&self.repo, &mut diff, max_file_size)?;
        // Concluding a merge: judge what the merge itself introduces (lines new to every parent),
        // exactly as `ci` judges the merge commit later; the side's commits are judged on their own.
        for other in merging {
            let tree = self.repo.find_commit(other)?.tree()?;
            let mut opts = changes::diff_options();
            let mut diff =
                self.repo
                    .diff_tree_to_index(Some(&tree), Some(&index), Some(&mut opts))?;
            let against = changes::collect(&self.repo, &mut diff, max_file_size)?;
            set = range::intersect(set, &against);
        }
        let in_index = |path: &str| index.get_path(Path::new(path), 0).map(|e| (e.id, e.mode));
        set.deps = changes::dependency_files(&self.repo, &set, head_tree.as_ref(), &in_index)?;
        Ok(set)
    }

    /// What an agent just wrote to `paths` (relative to the work tree's root): each file's
    /// work-tree content against its staged version (all of it, for a file git does not track
    /// yet); ignored files are left out, as `git add` would leave them.
    pub fn edited(&self, paths: &[String], max_file_size: u64) -> Result<ChangeSet, GitError> {
        let index = self.repo.index()?;
        let mut opts = changes::diff_options();
        opts.include_untracked(true)
            .recurse_untracked_dirs(true)
            .show_untracked_content(true)
            .disable_pathspec_match(true);
        for p in paths {
            opts.pathspec(p);
        }
        let mut diff = self
            .repo
            .diff_index_to_workdir(Some(&index), Some(&mut opts))?;
        let mut set = changes::collect_workdir(&self.repo, &self.root, &mut diff, max_file_size)?;
        let head_tree = self.repo.head().ok().and_then(|h| h.peel_to_tree().ok());
        let on_disk = |path: &str| changes::dependency_file_on_disk(&self.root, path);
        set.deps = changes::dependency_files_with(&self.repo, &set, head_tree.as_ref(), &on_disk)?;
        Ok(set)
    }

    /// The other parents of the merge being concluded (`MERGE_HEAD`), if any.
    fn merge_heads(&self) -> Vec<git2::Oid> {
        let Ok(text) = std::fs::read_to_string(self.repo.path().join("MERGE_HEAD")) else {
            return Vec::new();
        };
        text.lines()
            .filter_map(|l| git2::Oid::from_str(l.trim()).ok())
            .collect()
    }

    /// The index git is about to commit. `git commit -a` and `git commit <paths>` build a temporary
    /// index and name it in GIT_INDEX_FILE for the hooks; judging `.git/index` there would miss the change.
    fn index(&self) -> Result<git2::Index, GitError> {
        match std::env::var_os("GIT_INDEX_FILE").filter(|p| !p.is_empty()) {
            Some(p) => {
                let p = PathBuf::from(p);
                // Relative to the directory git runs the hook in (the top of the work tree).
                let p = if p.is_relative() {
                    std::env::current_dir()
                        .map_err(GitError::CurrentDir)?
                        .join(p)
                } else {
                    p
                };
                // libgit2 opens a missing file as an empty index, which would pass any commit.
                // Only the repository's own index may be missing (nothing was ever staged).
                if !p.exists() && p != self.repo.path().join("index") {
                    return Err(GitError::MissingIndex(p));
                }
                Ok(git2::Index::open(&p)?)
            }
            None => Ok(self.repo.index()?),
        }
    }

    /// The git configuration a run needs, with the configuration opened once.
    pub fn git_settings(&self) -> GitSettings {
        let cfg = self.repo.config().ok();
        let string = |key: &str| cfg.as_ref()?.get_string(key).ok();
        let mut trailer_keys = Vec::new();
        if let Some(cfg) = &cfg
            && let Ok(mut entries) = cfg.entries(Some(r"^trailer\..*\.key$"))
        {
            while let Some(Ok(e)) = entries.next() {
                if let (Ok(_), Ok(v)) = (e.name(), e.value()) {
                    trailer_keys.push(v.to_string());
                }
            }
        }
        let (author, committer) = identities(&string);
        GitSettings {
            comment: string("core.commentChar").or_else(|| string("core.commentString")),
            trailer_separators: string("trailer.separators"),
            trailer_keys,
            author,
            committer,
        }
    }
}

/// Author and committer as git would record them for a commit made now:
/// GIT_{AUTHOR,COMMITTER}_{NAME,EMAIL}, then {author,committer}.{name,email}, then user.{name,email}.
fn identities(config: &dyn Fn(&str) -> Option<String>) -> (Option<Ident>, Option<Ident>) {
    let get = |env: &str, key: &str, field: &str| -> Option<String> {
        if let Ok(v) = std::env::var(env) {
            return Some(v);
        }
        config(&format!("{key}.{field}")).or_else(|| config(&format!("user.{field}")))
    };
    let ident = |who: &str| -> Option<Ident> {
        let up = who.to_ascii_uppercase();
        let name = get(&format!("GIT_{up}_NAME"), who, "name");
        let email = get(&format!("GIT_{up}_EMAIL"), who, "email");
        if name.is_none() && email.is_none() {
            return None;
        }
        Some(Ident {
            name: name.unwrap_or_default(),
            email: email.unwrap_or_default(),
        })
    };
    (ident("author"), ident("committer"))
}

/// Whether this hook runs for `git commit --amend`. git tells hooks nothing about it (same
/// environment, same index), so the command line of the `git commit` process that started us (the
/// parent, or a grandparent under the pre-commit framework) is read from /proc. Elsewhere, or when it
/// cannot be read, this answers false and the change is judged against HEAD.
fn amending() -> bool {
    #[cfg(target_os = "linux")]
    {
        let mut pid = std::process::id();
        for _ in 0..4 {
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
                return false;
            };
            // Field 4 (ppid) follows the parenthesised command name, which may itself hold spaces.
            let Some(ppid) = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1))
                .and_then(|p| p.parse::<u32>().ok())
            else {
                return false;
            };
            if ppid <= 1 {
                return false;
            }
            pid = ppid;
            let Ok(cmdline) = std::fs::read(format!("/proc/{pid}/cmdline")) else {
                return false;
            };
            let args: Vec<&[u8]> = cmdline.split(|&b| b == 0).collect();
            let is_git = args
                .first()
                .is_some_and(|a| a.rsplit(|&b| b == b'/').next() == Some(b"git".as_slice()));
            if is_git && args.iter().any(|a| *a == b"commit") {
                return args.iter().any(|a| *a == b"--amend");
            }
        }
        false
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}
