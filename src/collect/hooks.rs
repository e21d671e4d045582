//! Locating the directory git runs hooks from: `core.hooksPath`, linked worktrees, bare repositories.
//! Reads the repository and its configuration through git2; never writes anything (install.rs does).

use std::path::{Path, PathBuf};

/// Where git looks for hooks in one repository, as `git rev-parse --git-path hooks` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HooksDir {
    /// Absolute path of the hooks directory (it may not exist yet).
    pub path: PathBuf,
    /// The raw `core.hooksPath` value when one is configured; `None` means `<common dir>/hooks`.
    pub configured: Option<String>,
    /// The root of the work tree the path was resolved from (a relative `core.hooksPath` depends on it).
    pub work_tree: PathBuf,
    /// The repository's common git directory: shared by every linked worktree, where default hooks live.
    pub common_dir: PathBuf,
    /// True when `start` is inside a linked worktree (`git worktree add`), not the main one.
    pub linked_worktree: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum HooksDirError {
    #[error("{}: not a git repository (or any parent up to the root)", path.display())]
    NotARepo { path: PathBuf },
    // Bare repositories are refused: the hooks git-charter ships judge commits made in a work tree
    // (pre-commit, commit-msg) or pushed from one, and a bare repository has neither.
    #[error(
        "{}: a bare repository has no work tree to commit from; install the hooks in a clone instead",
        path.display()
    )]
    Bare { path: PathBuf },
    #[error(
        "core.hooksPath is set to the empty string, so git runs no hooks at all; \
         unset it (`git config --unset core.hooksPath`) or point it at a directory"
    )]
    EmptyHooksPath,
    #[error("{}: cannot read core.hooksPath: {message}", path.display())]
    Config { path: PathBuf, message: String },
    #[error("{}: {message}", path.display())]
    Git { path: PathBuf, message: String },
}

/// Find the hooks directory of the repository containing `start`.
///
/// git resolves a relative `core.hooksPath` against the directory hooks run in, which is the root of the
/// work tree (githooks(5)); so in a linked worktree a relative value points inside that worktree, while
/// the default `hooks/` lives in the common directory shared by all worktrees.
pub fn locate(start: &Path) -> Result<HooksDir, HooksDirError> {
    let repo = git2::Repository::discover(start).map_err(|e| {
        if e.code() == git2::ErrorCode::NotFound {
            HooksDirError::NotARepo {
                path: start.to_path_buf(),
            }
        } else {
            HooksDirError::Git {
                path: start.to_path_buf(),
                message: e.message().to_string(),
            }
        }
    })?;
    if repo.is_bare() {
        return Err(HooksDirError::Bare {
            path: absolute(repo.path()),
        });
    }
    let work_tree = match repo.workdir() {
        Some(dir) => absolute(dir),
        None => {
            return Err(HooksDirError::Bare {
                path: absolute(repo.path()),
            });
        }
    };
    let common_dir = absolute(repo.commondir());
    let config_err = |e: git2::Error| HooksDirError::Config {
        path: work_tree.clone(),
        message: e.message().to_string(),
    };
    let config = repo.config().map_err(config_err)?;
    let configured = match config.get_string("core.hooksPath") {
        Ok(value) => Some(value),
        Err(e) if e.code() == git2::ErrorCode::NotFound => None,
        Err(e) => return Err(config_err(e)),
    };
    let path = match &configured {
        None => common_dir.join("hooks"),
        Some(value) if value.is_empty() => return Err(HooksDirError::EmptyHooksPath),
        Some(_) => {
            // get_path expands a leading `~/` as git's config pathname type does.
            let expanded = config.get_path("core.hooksPath").map_err(config_err)?;
            clean(&work_tree.join(expanded))
        }
    };
    Ok(HooksDir {
        path,
        configured,
        work_tree,
        common_dir,
        linked_worktree: repo.is_worktree(),
    })
}

fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|cwd| cwd.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    clean(&joined)
}

/// Lexical clean-up (`a/./b/` → `a/b`, `a/x/../b` → `a/b`) so reported paths read like git's.
/// `..` is folded lexically, as git does for `--git-path`, not through symlinks.
fn clean(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_folds_dot_and_dotdot() {
        assert_eq!(clean(Path::new("/a/./b/../c/")), PathBuf::from("/a/c"));
        assert_eq!(clean(Path::new("/a/b/.git/")), PathBuf::from("/a/b/.git"));
    }
}
