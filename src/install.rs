//! Installing and removing native git hook shims; keeps and chains hooks that were already there.
//! Plain file operations on a hooks directory that collect::hooks located (writes through `fsutil`);
//! never touches the index or history.

use crate::collect::hooks::{self, HooksDirError};
use crate::fsutil::{self, WriteOptions};
use std::fmt;
use std::path::{Path, PathBuf};

/// The first bytes of the marker line every shim carries on its second line; how install and
/// uninstall tell their own files from a hook someone else wrote.
pub const MARKER: &str = "# git-charter hook v";

/// Suffix of the file a foreign hook is moved to; the shim runs it first.
pub const PREVIOUS_SUFFIX: &str = ".charter-previous";

/// A git hook git-charter ships a shim for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Hook {
    PreCommit,
    PrepareCommitMsg,
    CommitMsg,
    PrePush,
    PostCommit,
}

impl Hook {
    /// What `install` with no `--hook` puts in place, in the order git runs them.
    pub const ALL: [Hook; 3] = [Hook::PreCommit, Hook::CommitMsg, Hook::PrePush];
    /// Every hook a shim exists for; `prepare-commit-msg` (which pre-fills the disclosure
    /// trailer from the agent hooks' records) is installed only when asked for.
    /// `post-commit` (git-charter's record of each commit) is installed when asked for, or by
    /// `install` when the charter sets `provenance.attest`.
    pub const KNOWN: [Hook; 5] = [
        Hook::PreCommit,
        Hook::PrepareCommitMsg,
        Hook::CommitMsg,
        Hook::PrePush,
        Hook::PostCommit,
    ];

    /// The file name git looks for in the hooks directory.
    pub fn name(self) -> &'static str {
        match self {
            Hook::PreCommit => "pre-commit",
            Hook::PrepareCommitMsg => "prepare-commit-msg",
            Hook::CommitMsg => "commit-msg",
            Hook::PrePush => "pre-push",
            Hook::PostCommit => "post-commit",
        }
    }

    /// The shim, byte for byte as in the repository's `hooks/` directory.
    pub fn shim(self) -> &'static str {
        match self {
            Hook::PreCommit => include_str!("../hooks/pre-commit"),
            Hook::PrepareCommitMsg => include_str!("../hooks/prepare-commit-msg"),
            Hook::CommitMsg => include_str!("../hooks/commit-msg"),
            Hook::PrePush => include_str!("../hooks/pre-push"),
            Hook::PostCommit => include_str!("../hooks/post-commit"),
        }
    }

    /// Parse the names given to `--hook`; an empty list means every hook. Duplicates collapse.
    pub fn parse_list<S: AsRef<str>>(names: &[S]) -> Result<Vec<Hook>, InstallError> {
        if names.is_empty() {
            return Ok(Hook::ALL.to_vec());
        }
        let mut hooks = Vec::with_capacity(names.len());
        for name in names {
            let hook = name.as_ref().parse::<Hook>()?;
            if !hooks.contains(&hook) {
                hooks.push(hook);
            }
        }
        hooks.sort();
        Ok(hooks)
    }
}

impl fmt::Display for Hook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Hook {
    type Err = InstallError;

    fn from_str(s: &str) -> Result<Hook, InstallError> {
        Hook::KNOWN
            .into_iter()
            .find(|hook| hook.name() == s)
            .ok_or_else(|| InstallError::UnknownHook(s.to_string()))
    }
}

/// What install or uninstall did to one hook; the reporter prints these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The shim was written where no hook was.
    Installed { hook: Hook, path: PathBuf },
    /// A foreign hook was moved to `previous`; the shim runs it first and stops if it fails.
    Chained {
        hook: Hook,
        path: PathBuf,
        previous: PathBuf,
    },
    /// An older git-charter shim was replaced by the current one (a chained hook stays chained).
    Updated { hook: Hook, path: PathBuf },
    /// The current shim was already there; nothing was written.
    AlreadyInstalled {
        hook: Hook,
        path: PathBuf,
        /// The chained hook, when there is one.
        previous: Option<PathBuf>,
    },
    /// The shim was deleted and no hook had been chained.
    Removed { hook: Hook, path: PathBuf },
    /// The shim was deleted (or was already gone) and the hook it chained was moved back.
    Restored {
        hook: Hook,
        path: PathBuf,
        from: PathBuf,
    },
    /// uninstall found no hook at all there.
    NotInstalled { hook: Hook, path: PathBuf },
    /// uninstall found a hook git-charter did not write, and left it alone.
    NotOurs { hook: Hook, path: PathBuf },
    /// The hook chained is a hook manager's (pre-commit, prek) whose configuration runs
    /// git-charter too: git-charter would run twice at this stage.
    RunsTwice {
        hook: Hook,
        manager: &'static str,
        config: PathBuf,
    },
    /// uninstall removed the hooks directory it had left empty (a `core.hooksPath` directory).
    RemovedDir { path: PathBuf },
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Action::Installed { hook, path } => write!(f, "{hook}: installed {}", path.display()),
            Action::Chained {
                hook,
                path,
                previous,
            } => write!(
                f,
                "{hook}: installed {}; the existing hook was moved to {} and runs first",
                path.display(),
                previous.display()
            ),
            Action::Updated { hook, path } => {
                write!(f, "{hook}: updated {} to the current shim", path.display())
            }
            Action::AlreadyInstalled {
                hook,
                path,
                previous: None,
            } => write!(f, "{hook}: already installed at {}", path.display()),
            Action::AlreadyInstalled {
                hook,
                path,
                previous: Some(previous),
            } => write!(
                f,
                "{hook}: already installed at {} (chaining {})",
                path.display(),
                previous.display()
            ),
            Action::Removed { hook, path } => write!(f, "{hook}: removed {}", path.display()),
            Action::Restored { hook, path, from } => write!(
                f,
                "{hook}: removed the shim and restored the previous hook from {} to {}",
                from.display(),
                path.display()
            ),
            Action::NotInstalled { hook, path } => {
                write!(f, "{hook}: nothing installed at {}", path.display())
            }
            Action::NotOurs { hook, path } => write!(
                f,
                "{hook}: left {} alone: it was not written by git-charter",
                path.display()
            ),
            Action::RunsTwice {
                hook,
                manager,
                config,
            } => write!(
                f,
                "{hook}: warning: the chained hook is {manager}'s, and {} runs git-charter as well, so it \
                 would run twice at this stage; keep one: remove git-charter's hooks from {}, or \
                 `git charter uninstall`",
                config.display(),
                config.display()
            ),
            Action::RemovedDir { path } => {
                write!(f, "removed the empty hooks directory {}", path.display())
            }
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum InstallError {
    #[error(transparent)]
    Locate(#[from] HooksDirError),
    #[error(
        "unknown hook '{0}': git-charter has shims for pre-commit, prepare-commit-msg, commit-msg, pre-push and post-commit"
    )]
    UnknownHook(String),
    /// Refused before anything was written: chaining would overwrite a hook kept from an earlier install.
    #[error(
        "{hook}: {} is not a git-charter hook, and {} already holds a hook kept from an earlier install; \
         refusing to overwrite either. Merge them by hand (or delete the one you no longer need) and run install again",
        path.display(),
        previous.display()
    )]
    PreviousExists {
        hook: Hook,
        path: PathBuf,
        previous: PathBuf,
    },
    #[error("{hook}: {} is a directory, not a hook file", path.display())]
    NotAFile { hook: Hook, path: PathBuf },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl InstallError {
    fn io(path: &Path, source: std::io::Error) -> InstallError {
        InstallError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Locate the hooks directory of the repository containing `start` and install `hooks` there.
/// Each action names the full path it touched.
pub fn install(start: &Path, hooks: &[Hook]) -> Result<Vec<Action>, InstallError> {
    let located = hooks::locate(start)?;
    let mut actions = install_into(&located.path, hooks)?;
    let twice: Vec<Action> = actions
        .iter()
        .filter_map(|a| match a {
            Action::Chained { hook, previous, .. }
            | Action::AlreadyInstalled {
                hook,
                previous: Some(previous),
                ..
            } => runs_twice(*hook, previous, &located.work_tree),
            _ => None,
        })
        .collect();
    actions.extend(twice);
    Ok(actions)
}

/// A chained hook written by a hook manager whose configuration also runs git-charter.
fn runs_twice(hook: Hook, previous: &Path, work_tree: &Path) -> Option<Action> {
    let text = std::fs::read(previous).ok()?;
    let text = String::from_utf8_lossy(&text[..text.len().min(64 << 10)]).to_lowercase();
    let manager = if text.contains("prek") {
        "prek"
    } else if text.contains("pre-commit.com") || text.contains("generated by pre-commit") {
        "pre-commit"
    } else {
        return None;
    };
    [".pre-commit-config.yaml", ".pre-commit-config.yml"]
        .iter()
        .map(|name| work_tree.join(name))
        .find(|config| {
            std::fs::read(config)
                .ok()
                .is_some_and(|c| String::from_utf8_lossy(&c).contains("git-charter"))
        })
        .map(|config| Action::RunsTwice {
            hook,
            manager,
            config,
        })
}

/// Locate the hooks directory of the repository containing `start` and uninstall `hooks` there.
pub fn uninstall(start: &Path, hooks: &[Hook]) -> Result<Vec<Action>, InstallError> {
    let located = hooks::locate(start)?;
    let mut actions = uninstall_from(&located.path, hooks)?;
    remove_if_empty(&located, &mut actions);
    Ok(actions)
}

/// A `core.hooksPath` directory left empty by uninstall goes too (git's own `hooks/` stays).
fn remove_if_empty(located: &hooks::HooksDir, actions: &mut Vec<Action>) {
    let removed_any = actions
        .iter()
        .any(|a| matches!(a, Action::Removed { .. } | Action::Restored { .. }));
    if located.configured.is_none() || !removed_any {
        return;
    }
    let empty = std::fs::read_dir(&located.path).is_ok_and(|mut d| d.next().is_none());
    if empty && std::fs::remove_dir(&located.path).is_ok() {
        actions.push(Action::RemovedDir {
            path: located.path.clone(),
        });
    }
}

/// `uninstall` with no `--hook`: every default hook, and the hooks installed only on request
/// (`prepare-commit-msg`, `post-commit`) where git-charter's shim is in place.
pub fn uninstall_default(start: &Path) -> Result<Vec<Action>, InstallError> {
    let located = hooks::locate(start)?;
    let dir = located.path.clone();
    let mut hooks = Hook::ALL.to_vec();
    for hook in Hook::KNOWN.into_iter().filter(|h| !Hook::ALL.contains(h)) {
        if matches!(
            inspect(hook, &dir.join(hook.name()))?,
            Existing::Current | Existing::OlderShim
        ) {
            hooks.push(hook);
        }
    }
    hooks.sort();
    let mut actions = uninstall_from(&dir, &hooks)?;
    remove_if_empty(&located, &mut actions);
    Ok(actions)
}

/// What is at a hook's path now.
enum Existing {
    Missing,
    Current,
    OlderShim,
    Foreign,
}

fn inspect(hook: Hook, path: &Path) -> Result<Existing, InstallError> {
    // symlink_metadata first: a dangling symlink is still someone's hook and must be kept.
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Existing::Missing),
        Err(e) => return Err(InstallError::io(path, e)),
        Ok(_) => {}
    }
    if path.is_dir() {
        return Err(InstallError::NotAFile {
            hook,
            path: path.to_path_buf(),
        });
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        // A dangling symlink cannot be read but is not ours either.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Existing::Foreign),
        Err(e) => return Err(InstallError::io(path, e)),
    };
    if bytes == hook.shim().as_bytes() {
        Ok(Existing::Current)
    } else if is_ours(&bytes) {
        Ok(Existing::OlderShim)
    } else {
        Ok(Existing::Foreign)
    }
}

/// A shim of any version: the marker sits on the second line, right after the shebang.
fn is_ours(bytes: &[u8]) -> bool {
    bytes
        .split(|&b| b == b'\n')
        .nth(1)
        .is_some_and(|line| line.starts_with(MARKER.as_bytes()))
}

fn previous_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(PREVIOUS_SUFFIX);
    path.with_file_name(name)
}

fn exists(path: &Path) -> Result<bool, InstallError> {
    match std::fs::symlink_metadata(path) {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(InstallError::io(path, e)),
    }
}

/// Install `hooks` into the directory `dir` (created if missing).
///
/// Every hook is checked before anything is written, so a refusal leaves the directory as it was.
/// Never replaces a foreign hook silently: it moves to `<hook>.charter-previous` and the shim runs it
/// first; if that file is already taken, the whole install is refused.
pub fn install_into(dir: &Path, hooks: &[Hook]) -> Result<Vec<Action>, InstallError> {
    let mut plan = Vec::with_capacity(hooks.len());
    for &hook in hooks {
        let path = dir.join(hook.name());
        let previous = previous_path(&path);
        let existing = inspect(hook, &path)?;
        if matches!(existing, Existing::Foreign) && exists(&previous)? {
            return Err(InstallError::PreviousExists {
                hook,
                path,
                previous,
            });
        }
        plan.push((hook, path, previous, existing));
    }
    std::fs::create_dir_all(dir).map_err(|e| InstallError::io(dir, e))?;
    let mut actions = Vec::with_capacity(plan.len());
    for (hook, path, previous, existing) in plan {
        let action = match existing {
            Existing::Current => {
                // Re-assert the mode: a checkout or copy may have dropped the executable bit.
                make_executable(&path)?;
                let previous = exists(&previous)?.then_some(previous);
                Action::AlreadyInstalled {
                    hook,
                    path,
                    previous,
                }
            }
            Existing::OlderShim => {
                write_shim(hook, &path)?;
                Action::Updated { hook, path }
            }
            Existing::Missing => {
                write_shim(hook, &path)?;
                if exists(&previous)? {
                    // Our shim was deleted by hand but the hook it chained is still there: chain it again
                    // rather than leave it orphaned.
                    Action::Chained {
                        hook,
                        path,
                        previous,
                    }
                } else {
                    Action::Installed { hook, path }
                }
            }
            Existing::Foreign => {
                // rename keeps the bytes, the mode and, for a symlink, the link itself.
                std::fs::rename(&path, &previous).map_err(|e| InstallError::io(&path, e))?;
                write_shim(hook, &path)?;
                Action::Chained {
                    hook,
                    path,
                    previous,
                }
            }
        };
        actions.push(action);
    }
    Ok(actions)
}

/// Remove the shims of `hooks` from `dir` and move back any hook they chained. Foreign hooks stay.
pub fn uninstall_from(dir: &Path, hooks: &[Hook]) -> Result<Vec<Action>, InstallError> {
    let mut actions = Vec::with_capacity(hooks.len());
    for &hook in hooks {
        let path = dir.join(hook.name());
        let previous = previous_path(&path);
        let action = match inspect(hook, &path)? {
            Existing::Foreign => Action::NotOurs { hook, path },
            Existing::Current | Existing::OlderShim => {
                std::fs::remove_file(&path).map_err(|e| InstallError::io(&path, e))?;
                restore_or(hook, path, previous, |hook, path| Action::Removed {
                    hook,
                    path,
                })?
            }
            Existing::Missing => restore_or(hook, path, previous, |hook, path| {
                Action::NotInstalled { hook, path }
            })?,
        };
        actions.push(action);
    }
    Ok(actions)
}

fn restore_or(
    hook: Hook,
    path: PathBuf,
    previous: PathBuf,
    otherwise: impl FnOnce(Hook, PathBuf) -> Action,
) -> Result<Action, InstallError> {
    if exists(&previous)? {
        std::fs::rename(&previous, &path).map_err(|e| InstallError::io(&previous, e))?;
        Ok(Action::Restored {
            hook,
            path,
            from: previous,
        })
    } else {
        Ok(otherwise(hook, path))
    }
}

/// Write through a synced temporary sibling and rename (`fsutil`), so git never runs a
/// half-written hook. A symlink at `path` is refused, never written through.
fn write_shim(hook: Hook, path: &Path) -> Result<(), InstallError> {
    let opts = WriteOptions {
        existing: fsutil::Existing::Replace,
        executable: true,
    };
    fsutil::write_atomic(path, hook.shim().as_bytes(), opts)
        .map(drop)
        .map_err(|e| InstallError::io(path, e))
}

#[cfg(unix)]
fn make_executable(path: &Path) -> Result<(), InstallError> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
        .map_err(|e| InstallError::io(path, e))
}

#[cfg(not(unix))]
fn make_executable(_path: &Path) -> Result<(), InstallError> {
    // Git for Windows runs hooks through its bundled sh whatever the file mode.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shim_carries_the_marker_and_its_own_name() {
        for hook in Hook::KNOWN {
            let shim = hook.shim();
            assert!(shim.starts_with("#!/bin/sh\n"), "{hook}");
            assert!(is_ours(shim.as_bytes()), "{hook}");
            assert!(
                shim.lines().nth(1).unwrap().ends_with(hook.name()),
                "{hook}"
            );
            assert!(
                shim.contains(&format!("{}{PREVIOUS_SUFFIX}", hook.name())),
                "{hook}"
            );
            assert!(!shim.contains('\r'), "{hook}: CRLF would break /bin/sh");
        }
    }

    #[test]
    fn a_foreign_hook_mentioning_the_marker_later_is_not_ours() {
        let foreign = format!("#!/bin/sh\necho hi\n{MARKER}1: pre-commit\n");
        assert!(!is_ours(foreign.as_bytes()));
        assert!(!is_ours(b""));
    }

    #[test]
    fn parse_list_defaults_to_all_and_rejects_unknown_names() {
        assert_eq!(Hook::parse_list::<&str>(&[]).unwrap(), Hook::ALL.to_vec());
        assert_eq!(
            Hook::parse_list(&["pre-push", "commit-msg", "pre-push"]).unwrap(),
            vec![Hook::CommitMsg, Hook::PrePush]
        );
        let err = Hook::parse_list(&["post-merge"]).unwrap_err();
        assert!(
            err.to_string().contains("unknown hook 'post-merge'"),
            "{err}"
        );
    }
}
