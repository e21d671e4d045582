//! Where a run's charter comes from: the work tree, or one commit's tree (CI and pre-push judge
//! commits by the base side's rules). One interface reads `.charter/charter.yaml`, the baseline,
//! the team's policies and any file the charter names; parsing is config's and policy's job.
//!
//! The repository is hostile: every file is read only as a regular file (a blob in a commit),
//! inside the repository, size-capped, never through a symbolic link, a submodule, a device or a
//! FIFO. Anything else is an error naming the file (exit 3), never a hang or a silent skip.

use super::range::RangeError;
use super::{GitError, Repo};
use crate::config::{BASELINE_FILE, CHARTER_DIR, CHARTER_FILE, POLICIES_DIR};
use std::path::{Path, PathBuf};

/// The most one charter file (the charter, the baseline, one policy, the gitleaks config) may hold.
pub const MAX_FILE_BYTES: u64 = 16 << 20;
/// The most `.rego` files `.charter/policies/` (or a directory given to `policy test`) may hold.
pub const MAX_POLICY_FILES: usize = 4096;
/// The most bytes all policy files together may hold.
pub const MAX_POLICY_BYTES: u64 = 64 << 20;
/// How deep directories under `.charter/policies/` may nest.
pub const MAX_POLICY_DEPTH: usize = 32;

/// The place the charter's files are read from.
pub enum CharterSource<'r> {
    /// Files on disk under this directory: the repository root, or the current directory outside one.
    WorkTree(PathBuf),
    /// Files in one commit's tree, named `<short id>:<path>` in messages.
    Commit { repo: &'r Repo, at: Option<At> },
}

/// The commit a `CharterSource::Commit` reads from.
pub struct At {
    id: String,
    short: String,
}

/// A file the charter needs could not be read, or was refused.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{rel} is not in commit {label}")]
    NotInCommit { rel: String, label: String },
    #[error(transparent)]
    Git(#[from] RangeError),
    /// The path is there but is not a regular file (a blob): a symbolic link, a FIFO, a device,
    /// a directory, a submodule.
    #[error("{}: {}", path.display(), not_regular(what))]
    NotRegular { path: PathBuf, what: &'static str },
    /// A directory on the way to the file is a symbolic link (or a submodule).
    #[error("{}: {}", path.display(), through(link, what))]
    Through {
        path: PathBuf,
        link: PathBuf,
        what: &'static str,
    },
    #[error("{}: {}", path.display(), too_large(*size, *limit))]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// A path the charter names that is absolute or leaves the repository (`..`).
    #[error("`{rel}` {OUTSIDE}")]
    Outside { rel: String },
    /// `.charter/policies/` holds more files, bytes or levels than a run reads.
    #[error("{}: {what}", path.display())]
    TooMany { path: PathBuf, what: String },
}

const OUTSIDE: &str = "is not a path inside the repository (it is absolute or leaves it through `..`); \
     name a file relative to the repository root";
const REGULAR_ONLY: &str =
    "git-charter reads the charter's files only as regular files inside the repository";

fn not_regular(what: &str) -> String {
    format!("is {what}; {REGULAR_ONLY}")
}

fn through(link: &Path, what: &str) -> String {
    format!(
        "is reached through {what} ({}); {REGULAR_ONLY}",
        link.display()
    )
}

fn too_large(size: u64, limit: u64) -> String {
    format!("is {size} bytes, over the limit of {limit} bytes for a charter file")
}

impl ReadError {
    /// The file is simply not there (as opposed to there and unreadable, or refused).
    pub fn is_missing(&self) -> bool {
        match self {
            ReadError::Io { source, .. } => source.kind() == std::io::ErrorKind::NotFound,
            ReadError::NotInCommit { .. } => true,
            _ => false,
        }
    }

    /// What is wrong, without the file's name (for messages that name it themselves).
    pub fn reason(&self) -> String {
        match self {
            ReadError::Io { source, .. } => format!("cannot read: {source}"),
            ReadError::NotRegular { what, .. } => not_regular(what),
            ReadError::Through { link, what, .. } => through(link, what),
            ReadError::TooLarge { size, limit, .. } => too_large(*size, *limit),
            ReadError::TooMany { what, .. } => what.clone(),
            other => other.to_string(),
        }
    }

    /// The file the error is about, when there is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            ReadError::Io { path, .. }
            | ReadError::NotRegular { path, .. }
            | ReadError::Through { path, .. }
            | ReadError::TooLarge { path, .. }
            | ReadError::TooMany { path, .. } => Some(path),
            _ => None,
        }
    }
}

/// A team policy file as read: its path under `.charter/policies/`, how errors name it, its text.
#[derive(Debug, Clone)]
pub struct PolicyFile {
    pub rel: String,
    pub origin: String,
    pub text: String,
}

impl<'r> CharterSource<'r> {
    /// The tree of `commit` (a full id); `None` when there is no commit to read from (a range that
    /// starts at the root commit): nothing is found there and files are named `HEAD:…`.
    pub fn commit(repo: &'r Repo, commit: Option<&str>) -> Result<CharterSource<'r>, RangeError> {
        let at = match commit {
            Some(c) => {
                let (id, short) = repo.ids(c)?;
                Some(At { id, short })
            }
            None => None,
        };
        Ok(CharterSource::Commit { repo, at })
    }

    fn label(&self) -> &str {
        match self {
            CharterSource::Commit { at: Some(at), .. } => &at.short,
            _ => "HEAD",
        }
    }

    /// How a file of the repository (path relative to its root) is named in messages and origins.
    pub fn name(&self, rel: &str) -> PathBuf {
        match self {
            CharterSource::WorkTree(root) => root.join(rel),
            CharterSource::Commit { .. } => {
                let rel = rel.replace('\\', "/");
                PathBuf::from(format!("{}:{}", self.label(), rel.trim_start_matches("./")))
            }
        }
    }

    /// `.charter/`, named as `name` names files.
    pub fn charter_dir(&self) -> PathBuf {
        self.name(CHARTER_DIR)
    }

    /// `.charter/charter.yaml`, named.
    pub fn charter_file(&self) -> PathBuf {
        self.name(&format!("{CHARTER_DIR}/{CHARTER_FILE}"))
    }

    /// `.charter/baseline.json`, named.
    pub fn baseline_file(&self) -> PathBuf {
        self.name(&format!("{CHARTER_DIR}/{BASELINE_FILE}"))
    }

    /// The text of a file, by its path relative to the repository root. The path must stay inside
    /// the repository; the file must be a regular file (a blob) of at most `MAX_FILE_BYTES`,
    /// reached through real directories (trees) only.
    pub fn read(&self, rel: &str) -> Result<String, ReadError> {
        let parts = components(rel)?;
        match self {
            CharterSource::WorkTree(root) => {
                let path = self.name(rel);
                let bytes = read_work_tree(root, &parts, &path)?;
                String::from_utf8(bytes).map_err(|_| ReadError::Io {
                    path,
                    source: std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        "stream did not contain valid UTF-8",
                    ),
                })
            }
            CharterSource::Commit { repo, at } => {
                let joined = parts.join("/");
                let not_in = || ReadError::NotInCommit {
                    rel: joined.clone(),
                    label: self.label().to_string(),
                };
                let Some(at) = at else {
                    return Err(not_in());
                };
                match Lookup::blob(repo, at, &parts)? {
                    Some(blob) => Ok(String::from_utf8_lossy(blob.content()).into_owned()),
                    None => Err(not_in()),
                }
            }
        }
    }

    /// A file that may be absent: `None` then.
    pub fn read_optional(&self, rel: &str) -> Result<Option<String>, ReadError> {
        match self.read(rel) {
            Ok(t) => Ok(Some(t)),
            Err(e) if e.is_missing() => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Every `*.rego` under `.charter/policies/`, sorted by path. A symbolic link, submodule,
    /// FIFO or device under it is an error (a link may loop, or lead out of the repository).
    pub fn policies(&self) -> Result<Vec<PolicyFile>, ReadError> {
        let policies = format!("{CHARTER_DIR}/{POLICIES_DIR}");
        match self {
            CharterSource::WorkTree(root) => {
                let dir = self.name(&policies);
                // `.charter` itself must be a real directory; `policies` is checked by the walk.
                match std::fs::symlink_metadata(root.join(CHARTER_DIR)) {
                    Ok(m) if m.file_type().is_symlink() => {
                        return Err(ReadError::Through {
                            path: dir,
                            link: self.charter_dir(),
                            what: "a symbolic link",
                        });
                    }
                    _ => {}
                }
                let files = rego_tree(&dir, false)?;
                Ok(files
                    .into_iter()
                    .map(|(path, text)| PolicyFile {
                        rel: relative(&path, &dir),
                        origin: path.display().to_string(),
                        text,
                    })
                    .collect())
            }
            CharterSource::Commit { .. } => self.commit_rego_files(&policies),
        }
    }

    /// Every `*.rego` under `dir` (relative to the root) of a commit's tree, sorted by path, as
    /// `policies` reads `.charter/policies/` (an organisation bundle's `policies/` too).
    pub(super) fn commit_rego_files(&self, dir: &str) -> Result<Vec<PolicyFile>, ReadError> {
        let policies = dir;
        match self {
            CharterSource::WorkTree(_) => unreachable!("a commit's files only"),
            CharterSource::Commit { repo, at } => {
                let Some(at) = at else {
                    return Ok(Vec::new());
                };
                let parts = components(policies)?;
                let Some(tree) = Lookup::tree(repo, at, &parts)? else {
                    return Ok(Vec::new());
                };
                let mut walk = TreeWalk {
                    repo,
                    at,
                    out: Vec::new(),
                    bytes: 0,
                };
                walk.dir(&tree, policies, "", 0)?;
                let mut out = walk.out;
                out.sort_by(|a, b| a.0.cmp(&b.0));
                Ok(out
                    .into_iter()
                    .map(|(rel, text)| PolicyFile {
                        origin: format!("{}:{policies}/{rel}", at.short),
                        rel,
                        text,
                    })
                    .collect())
            }
        }
    }
}

/// The components of a path relative to the repository root (`/` or `\` separated, `.` and
/// empty components dropped), refused when it is absolute or climbs out with `..`.
fn components(rel: &str) -> Result<Vec<String>, ReadError> {
    let outside = || ReadError::Outside {
        rel: rel.to_string(),
    };
    let unified = rel.replace('\\', "/");
    // `/etc/passwd`, `C:/x`, `//server/share`: absolute on some platform.
    let b = unified.as_bytes();
    if b.first() == Some(&b'/') || (b.len() > 1 && b[0].is_ascii_alphabetic() && b[1] == b':') {
        return Err(outside());
    }
    let mut parts = Vec::new();
    for c in unified.split('/') {
        match c {
            "" | "." => {}
            ".." => return Err(outside()),
            c => parts.push(c.to_string()),
        }
    }
    if parts.is_empty() {
        return Err(outside());
    }
    Ok(parts)
}

/// What a file of this type is, for messages; `None` for a regular file.
fn kind_of(t: std::fs::FileType) -> Option<&'static str> {
    if t.is_file() {
        return None;
    }
    if t.is_symlink() {
        return Some("a symbolic link");
    }
    if t.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a FIFO");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// Reads `root/parts…` refusing every symbolic link on the way (the root itself is trusted: it is
/// where the user asked us to work).
fn read_work_tree(root: &Path, parts: &[String], shown: &Path) -> Result<Vec<u8>, ReadError> {
    let mut p = root.to_path_buf();
    for (i, c) in parts.iter().enumerate() {
        p.push(c);
        let meta = std::fs::symlink_metadata(&p).map_err(|source| ReadError::Io {
            path: shown.to_path_buf(),
            source,
        })?;
        let t = meta.file_type();
        if i + 1 < parts.len() {
            if t.is_symlink() {
                return Err(ReadError::Through {
                    path: shown.to_path_buf(),
                    link: p,
                    what: "a symbolic link",
                });
            }
            if !t.is_dir() {
                return Err(ReadError::Io {
                    path: shown.to_path_buf(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        format!("{} is not a directory", p.display()),
                    ),
                });
            }
        } else if let Some(what) = kind_of(t) {
            return Err(ReadError::NotRegular {
                path: shown.to_path_buf(),
                what,
            });
        }
    }
    read_regular(&p, shown, MAX_FILE_BYTES)
}

/// Opens a path already seen to be a regular file, checks again on the open file (it may have been
/// swapped since), and reads at most `limit` bytes of it.
fn read_regular(p: &Path, shown: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    use crate::fsutil::ReadRefused;
    match crate::fsutil::read_regular(p, limit) {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(ReadRefused::NotRegular(t))) => Err(ReadError::NotRegular {
            path: shown.to_path_buf(),
            what: kind_of(t).unwrap_or("not a regular file"),
        }),
        Ok(Err(ReadRefused::TooLarge(size))) => Err(ReadError::TooLarge {
            path: shown.to_path_buf(),
            size,
            limit,
        }),
        Err(source) => Err(ReadError::Io {
            path: shown.to_path_buf(),
            source,
        }),
    }
}

/// Every `*.rego` file under `dir` (or `dir` itself when it is a file), sorted by path, with its
/// text. A missing directory holds none. `follow_top`: `dir` may itself be a symbolic link (a
/// path the user typed); below it, links, FIFOs and devices are errors, as are more than
/// `MAX_POLICY_FILES` files, `MAX_POLICY_BYTES` bytes or `MAX_POLICY_DEPTH` levels.
pub(super) fn rego_tree(dir: &Path, follow_top: bool) -> Result<Vec<(PathBuf, String)>, ReadError> {
    let meta = if follow_top {
        std::fs::metadata(dir)
    } else {
        std::fs::symlink_metadata(dir)
    };
    let meta = match meta {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(ReadError::Io {
                path: dir.to_path_buf(),
                source,
            });
        }
    };
    let mut paths = Vec::new();
    match kind_of(meta.file_type()) {
        None => paths.push(dir.to_path_buf()),
        Some(_) if meta.is_dir() => collect_rego(dir, 0, &mut paths)?,
        Some(what) => {
            return Err(ReadError::NotRegular {
                path: dir.to_path_buf(),
                what,
            });
        }
    }
    paths.sort();
    let mut total = 0u64;
    let mut out = Vec::with_capacity(paths.len());
    for p in paths {
        let bytes = read_regular(&p, &p, MAX_FILE_BYTES)?;
        total += bytes.len() as u64;
        if total > MAX_POLICY_BYTES {
            return Err(ReadError::TooMany {
                path: dir.to_path_buf(),
                what: format!("the policy files hold more than {MAX_POLICY_BYTES} bytes in all"),
            });
        }
        match String::from_utf8(bytes) {
            Ok(text) => out.push((p, text)),
            Err(_) => {
                return Err(ReadError::Io {
                    path: p,
                    source: std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        "stream did not contain valid UTF-8",
                    ),
                });
            }
        }
    }
    Ok(out)
}

fn collect_rego(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) -> Result<(), ReadError> {
    if depth >= MAX_POLICY_DEPTH {
        return Err(ReadError::TooMany {
            path: dir.to_path_buf(),
            what: format!("policy directories nest deeper than {MAX_POLICY_DEPTH} levels"),
        });
    }
    let entries = std::fs::read_dir(dir).map_err(|source| ReadError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    for e in entries {
        let e = e.map_err(|source| ReadError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let p = e.path();
        // `DirEntry::file_type` does not follow symbolic links.
        let t = e.file_type().map_err(|source| ReadError::Io {
            path: p.clone(),
            source,
        })?;
        let rego = p.extension().is_some_and(|x| x == "rego");
        if t.is_dir() {
            collect_rego(&p, depth + 1, out)?;
        } else if t.is_symlink() {
            // A link may loop (`a -> .`), lead out of the repository, or hide a directory of
            // policies that would otherwise be skipped without a word.
            return Err(ReadError::NotRegular {
                path: p,
                what: "a symbolic link",
            });
        } else if rego {
            if let Some(what) = kind_of(t) {
                return Err(ReadError::NotRegular { path: p, what });
            }
            out.push(p);
            if out.len() > MAX_POLICY_FILES {
                return Err(ReadError::TooMany {
                    path: dir.to_path_buf(),
                    what: format!("more than {MAX_POLICY_FILES} policy files"),
                });
            }
        }
    }
    Ok(())
}

/// Looking paths up in a commit's tree, entry by entry, so that no symbolic link or submodule is
/// ever followed and no blob is loaded before its size is known.
struct Lookup;

const MODE_TREE: i32 = 0o040000;
const MODE_LINK: i32 = 0o120000;
const MODE_GITLINK: i32 = 0o160000;

fn mode_kind(mode: i32) -> Option<&'static str> {
    match mode {
        MODE_TREE => Some("a directory"),
        MODE_LINK => Some("a symbolic link"),
        MODE_GITLINK => Some("a submodule"),
        _ => None,
    }
}

impl Lookup {
    /// The entry at `parts`, reached through trees only; `None` when something on the way is missing.
    fn entry(
        repo: &Repo,
        at: &At,
        parts: &[String],
    ) -> Result<Option<(git2::Oid, i32)>, ReadError> {
        let git = |e: git2::Error| ReadError::Git(RangeError::Git(GitError::Git(e)));
        let commit = repo
            .repo
            .find_commit(git2::Oid::from_str(&at.id).map_err(git)?)
            .map_err(git)?;
        let mut tree = commit.tree().map_err(git)?;
        for (i, c) in parts.iter().enumerate() {
            let Some((id, mode)) = tree.get_name(c).map(|e| (e.id(), e.filemode())) else {
                return Ok(None);
            };
            if i + 1 == parts.len() {
                return Ok(Some((id, mode)));
            }
            match mode {
                MODE_TREE => tree = repo.repo.find_tree(id).map_err(git)?,
                MODE_LINK | MODE_GITLINK => {
                    return Err(ReadError::Through {
                        path: PathBuf::from(format!("{}:{}", at.short, parts.join("/"))),
                        link: PathBuf::from(format!("{}:{}", at.short, parts[..=i].join("/"))),
                        what: mode_kind(mode).unwrap_or("not a directory"),
                    });
                }
                // A file where a directory was expected: what was asked for is not there.
                _ => return Ok(None),
            }
        }
        Ok(None)
    }

    /// The blob at `parts`, checked to be a regular file under the size limit before it is loaded.
    fn blob<'r>(
        repo: &'r Repo,
        at: &At,
        parts: &[String],
    ) -> Result<Option<git2::Blob<'r>>, ReadError> {
        let Some((id, mode)) = Lookup::entry(repo, at, parts)? else {
            return Ok(None);
        };
        let shown = PathBuf::from(format!("{}:{}", at.short, parts.join("/")));
        load_blob(repo, id, mode, shown).map(Some)
    }

    /// The tree at `parts`; `None` when absent or not a directory.
    fn tree<'r>(
        repo: &'r Repo,
        at: &At,
        parts: &[String],
    ) -> Result<Option<git2::Tree<'r>>, ReadError> {
        let git = |e: git2::Error| ReadError::Git(RangeError::Git(GitError::Git(e)));
        match Lookup::entry(repo, at, parts)? {
            Some((id, MODE_TREE)) => Ok(Some(repo.repo.find_tree(id).map_err(git)?)),
            Some((_, mode)) if mode == MODE_LINK || mode == MODE_GITLINK => {
                Err(ReadError::NotRegular {
                    path: PathBuf::from(format!("{}:{}", at.short, parts.join("/"))),
                    what: mode_kind(mode).unwrap_or("not a directory"),
                })
            }
            _ => Ok(None),
        }
    }
}

/// A regular blob (mode 100644 or 100755) of at most `MAX_FILE_BYTES`, its size read from the
/// object header first.
fn load_blob(
    repo: &Repo,
    id: git2::Oid,
    mode: i32,
    shown: PathBuf,
) -> Result<git2::Blob<'_>, ReadError> {
    let git = |e: git2::Error| ReadError::Git(RangeError::Git(GitError::Git(e)));
    if let Some(what) = mode_kind(mode) {
        return Err(ReadError::NotRegular { path: shown, what });
    }
    let (size, kind) = repo.repo.odb().map_err(git)?.read_header(id).map_err(git)?;
    if kind != git2::ObjectType::Blob {
        return Err(ReadError::NotRegular {
            path: shown,
            what: "not a regular file",
        });
    }
    if size as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            path: shown,
            size: size as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    repo.repo.find_blob(id).map_err(git)
}

/// The `.rego` blobs under one tree of a commit, with the same limits as on disk.
struct TreeWalk<'a, 'r> {
    repo: &'r Repo,
    at: &'a At,
    out: Vec<(String, String)>,
    bytes: u64,
}

impl TreeWalk<'_, '_> {
    fn dir(
        &mut self,
        tree: &git2::Tree<'_>,
        base: &str,
        prefix: &str,
        depth: usize,
    ) -> Result<(), ReadError> {
        let git = |e: git2::Error| ReadError::Git(RangeError::Git(GitError::Git(e)));
        let shown = |rel: &str| PathBuf::from(format!("{}:{base}/{rel}", self.at.short));
        if depth >= MAX_POLICY_DEPTH {
            return Err(ReadError::TooMany {
                path: shown(prefix),
                what: format!("policy directories nest deeper than {MAX_POLICY_DEPTH} levels"),
            });
        }
        for e in tree.iter() {
            let name = String::from_utf8_lossy(e.name_bytes());
            let rel = format!("{prefix}{name}");
            match e.filemode() {
                MODE_TREE => {
                    let sub = self.repo.repo.find_tree(e.id()).map_err(git)?;
                    self.dir(&sub, base, &format!("{rel}/"), depth + 1)?;
                }
                mode @ (MODE_LINK | MODE_GITLINK) => {
                    return Err(ReadError::NotRegular {
                        path: shown(&rel),
                        what: mode_kind(mode).unwrap_or("not a regular file"),
                    });
                }
                mode if name.ends_with(".rego") => {
                    let blob = load_blob(self.repo, e.id(), mode, shown(&rel))?;
                    self.bytes += blob.size() as u64;
                    if self.bytes > MAX_POLICY_BYTES {
                        return Err(ReadError::TooMany {
                            path: shown(""),
                            what: format!(
                                "the policy files hold more than {MAX_POLICY_BYTES} bytes in all"
                            ),
                        });
                    }
                    self.out
                        .push((rel, String::from_utf8_lossy(blob.content()).into_owned()));
                    if self.out.len() > MAX_POLICY_FILES {
                        return Err(ReadError::TooMany {
                            path: shown(""),
                            what: format!("more than {MAX_POLICY_FILES} policy files"),
                        });
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }
}

fn relative(path: &Path, dir: &Path) -> String {
    path.strip_prefix(dir)
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_leaving_the_repository_are_refused() {
        for rel in [
            "../../../../etc/passwd",
            "/etc/passwd",
            "a/../../b",
            "C:/x",
            "",
            "./",
        ] {
            assert!(
                matches!(components(rel), Err(ReadError::Outside { .. })),
                "{rel}"
            );
        }
        assert_eq!(
            components("./.charter//x.toml").unwrap(),
            [".charter", "x.toml"]
        );
        assert_eq!(
            components(r".charter\x.toml").unwrap(),
            [".charter", "x.toml"]
        );
    }
}
