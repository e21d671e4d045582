//! Reading files from disk for `scan` and `baseline`: a parallel walk with the `ignore` crate
//! (.gitignore respected, hidden files such as `.env` included, `.git` skipped), binaries and large files counted.

use super::GitError;
use crate::model::SkipReason;
use ignore::{WalkBuilder, WalkState};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A file read for scanning, or the reason it was not.
pub struct DiskFile {
    /// The path as shown to the user: relative to the current directory when under it.
    pub path: String,
    pub size: u64,
    pub content: Option<Vec<u8>>,
    pub skipped: Option<SkipReason>,
}

/// Walks `roots` in parallel and calls `visit` for each regular file (on worker threads).
/// `visit` receives the file with its content loaded unless it is binary or larger than `max_size`.
/// With `no_ignore`, files that `.gitignore`, `.ignore` and `.git/info/exclude` exclude are walked too.
pub fn walk<F>(
    roots: &[PathBuf],
    base: &Path,
    max_size: u64,
    no_ignore: bool,
    visit: F,
) -> Result<(), GitError>
where
    F: Fn(DiskFile) + Sync,
{
    let Some((first, rest)) = roots.split_first() else {
        return Ok(());
    };
    for r in roots {
        if !r.exists() {
            return Err(GitError::NoSuchPath(r.clone()));
        }
    }
    let mut builder = WalkBuilder::new(first);
    for r in rest {
        builder.add(r);
    }
    builder
        .hidden(false)
        .ignore(!no_ignore)
        .git_ignore(!no_ignore)
        .git_exclude(!no_ignore)
        .git_global(false)
        .require_git(false)
        .follow_links(false)
        .filter_entry(|e| e.file_name() != ".git");
    let errors = Mutex::new(Vec::<String>::new());
    builder.build_parallel().run(|| {
        Box::new(|entry| {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    errors.lock().expect("not poisoned").push(e.to_string());
                    return WalkState::Continue;
                }
            };
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                return WalkState::Continue;
            }
            let p = entry.path();
            let shown = p.strip_prefix(base).unwrap_or(p);
            let shown = shown
                .strip_prefix("./")
                .unwrap_or(shown)
                .to_string_lossy()
                .into_owned();
            let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
            let mut file = DiskFile {
                path: shown,
                size,
                content: None,
                skipped: None,
            };
            if size > max_size {
                file.skipped = Some(SkipReason::TooLarge);
            } else {
                match std::fs::read(p) {
                    Ok(c) if let Some(text) = super::changes::decode_text(&c) => {
                        file.content = Some(text)
                    }
                    Ok(c) if super::changes::is_binary(&c) => {
                        file.skipped = Some(SkipReason::Binary)
                    }
                    Ok(c) => file.content = Some(c),
                    Err(e) => {
                        errors
                            .lock()
                            .expect("not poisoned")
                            .push(format!("{}: {e}", p.display()));
                        file.skipped = Some(SkipReason::Unreadable);
                    }
                }
            }
            visit(file);
            WalkState::Continue
        })
    });
    let errors = errors.into_inner().expect("not poisoned");
    // An unreadable file is counted as skipped; the walk itself only fails when nothing could be read.
    let _ = errors;
    Ok(())
}

/// Every `*.rego` file under `dir` (or `dir` itself when it is a file), sorted by path, with its
/// text. A missing directory holds none. `dir` is the path the user gave; below it symbolic links,
/// FIFOs and devices are errors and sizes are capped, as for `.charter/policies/` (`source`).
pub fn rego_files(dir: &Path) -> Result<Vec<(PathBuf, String)>, GitError> {
    super::source::rego_tree(dir, true).map_err(|e| match e {
        super::ReadError::Io { path, source } => GitError::Io { path, source },
        e => GitError::Io {
            path: e
                .path()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| dir.to_path_buf()),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.reason()),
        },
    })
}
