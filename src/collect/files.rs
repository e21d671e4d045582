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
pub fn walk<F>(roots: &[PathBuf], base: &Path, max_size: u64, visit: F) -> Result<(), GitError>
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
        .git_ignore(true)
        .git_exclude(true)
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
/// text. A missing directory holds none.
pub fn rego_files(dir: &Path) -> Result<Vec<(PathBuf, String)>, GitError> {
    let mut paths = Vec::new();
    if dir.is_file() {
        paths.push(dir.to_path_buf());
    } else {
        collect_rego(dir, &mut paths)?;
    }
    paths.sort();
    paths
        .into_iter()
        .map(|p| match std::fs::read_to_string(&p) {
            Ok(text) => Ok((p, text)),
            Err(source) => Err(GitError::Io { path: p, source }),
        })
        .collect()
}

fn collect_rego(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), GitError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(GitError::Io {
                path: dir.to_path_buf(),
                source,
            });
        }
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_rego(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "rego") {
            out.push(p);
        }
    }
    Ok(())
}
