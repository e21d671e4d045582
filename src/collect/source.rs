//! Where a run's charter comes from: the work tree, or one commit's tree (CI and pre-push judge
//! commits by the base side's rules). One interface reads `.charter/charter.yaml`, the baseline,
//! the team's policies and any file the charter names; parsing is config's and policy's job.

use super::range::RangeError;
use super::{GitError, Repo};
use crate::config::{BASELINE_FILE, CHARTER_DIR, CHARTER_FILE, POLICIES_DIR};
use std::path::{Path, PathBuf};

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

/// A file the charter needs could not be read.
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
}

impl ReadError {
    /// The file is simply not there (as opposed to there and unreadable).
    pub fn is_missing(&self) -> bool {
        match self {
            ReadError::Io { source, .. } => source.kind() == std::io::ErrorKind::NotFound,
            ReadError::NotInCommit { .. } => true,
            ReadError::Git(_) => false,
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
                PathBuf::from(format!("{}:{}", self.label(), normalize(rel)))
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

    /// The text of a file, by its path relative to the repository root.
    pub fn read(&self, rel: &str) -> Result<String, ReadError> {
        match self {
            CharterSource::WorkTree(_) => {
                let path = self.name(rel);
                std::fs::read_to_string(&path).map_err(|source| ReadError::Io { path, source })
            }
            CharterSource::Commit { repo, at } => {
                let rel = normalize(rel);
                let text = match at {
                    Some(at) => repo.file_at(&at.id, &rel)?,
                    None => None,
                };
                text.ok_or_else(|| ReadError::NotInCommit {
                    rel,
                    label: self.label().to_string(),
                })
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

    /// Every `*.rego` under `.charter/policies/`, sorted by path.
    pub fn policies(&self) -> Result<Vec<PolicyFile>, ReadError> {
        let policies = format!("{CHARTER_DIR}/{POLICIES_DIR}");
        match self {
            CharterSource::WorkTree(_) => {
                let dir = self.name(&policies);
                let files = super::files::rego_files(&dir).map_err(|e| match e {
                    GitError::Io { path, source } => ReadError::Io { path, source },
                    other => ReadError::Git(RangeError::Git(other)),
                })?;
                Ok(files
                    .into_iter()
                    .map(|(path, text)| PolicyFile {
                        rel: relative(&path, &dir),
                        origin: path.display().to_string(),
                        text,
                    })
                    .collect())
            }
            CharterSource::Commit { repo, at } => {
                let Some(at) = at else {
                    return Ok(Vec::new());
                };
                Ok(repo
                    .rego_at(&at.id, &policies)?
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

/// A charter path as git's trees spell it: `/` separators, no leading `./`.
fn normalize(rel: &str) -> String {
    rel.replace('\\', "/").trim_start_matches("./").to_string()
}

fn relative(path: &Path, dir: &Path) -> String {
    path.strip_prefix(dir)
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}
