//! The one way git-charter writes a file (baseline, `init`'s starter files, hook shims): a fresh
//! temporary sibling, synced, renamed into place; never through a symlink. And the one bounded read
//! of a regular file. Knows no file format.

use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why `read_regular` read nothing.
#[derive(Debug)]
pub enum ReadRefused {
    /// The open file is not a regular file (of this type).
    NotRegular(std::fs::FileType),
    /// It holds more than the limit (this many bytes, or at least this many).
    TooLarge(u64),
}

/// Opens `path`, checks on the open file that it is a regular file (it may have been swapped since
/// any earlier look), and reads at most `limit` bytes of it: never a device, a FIFO or an
/// endless file.
pub fn read_regular(path: &Path, limit: u64) -> io::Result<Result<Vec<u8>, ReadRefused>> {
    use std::io::Read;
    let file = File::open(path)?;
    let meta = file.metadata()?;
    if !meta.file_type().is_file() {
        return Ok(Err(ReadRefused::NotRegular(meta.file_type())));
    }
    if meta.len() > limit {
        return Ok(Err(ReadRefused::TooLarge(meta.len())));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Ok(Err(ReadRefused::TooLarge(bytes.len() as u64)));
    }
    Ok(Ok(bytes))
}

/// What a write may do to a file already at the target path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Replace it (atomically: readers see the old file or the new one, never half of either).
    Replace,
    /// Keep it: the write does nothing and returns `Ok(false)`, even if the file appears between a
    /// check and the write.
    Keep,
}

/// How to write one file.
#[derive(Debug, Clone, Copy)]
pub struct WriteOptions {
    pub existing: Existing,
    /// Make the file executable (hook shims). Ignored where modes do not exist.
    pub executable: bool,
}

impl WriteOptions {
    pub const REPLACE: WriteOptions = WriteOptions {
        existing: Existing::Replace,
        executable: false,
    };
    pub const KEEP: WriteOptions = WriteOptions {
        existing: Existing::Keep,
        executable: false,
    };
}

/// Writes `bytes` to `path`: to a new temporary file in the same directory (created exclusively,
/// so a planted symlink at a guessable name is never followed), synced, then renamed over `path`
/// (or hard-linked, for `Existing::Keep`, which fails rather than replaces), then the directory is
/// synced. A kill at any point leaves the old file or the new one, plus at most a stray temporary.
///
/// Refuses (`InvalidInput`) when `path` is a symlink, dangling or not: replacing a link the user
/// put there would be a surprise, and writing through it may write outside the repository.
/// Returns whether the file was written (`false` only for `Existing::Keep` and a file already there).
pub fn write_atomic(path: &Path, bytes: &[u8], opts: WriteOptions) -> io::Result<bool> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => return Err(symlink_refused(path)),
        Ok(m) if m.is_dir() => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "is a directory, not a file",
            ));
        }
        Ok(_) if opts.existing == Existing::Keep => return Ok(false),
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let (tmp, mut file) = create_temporary(dir, path)?;
    let result = (|| {
        file.write_all(bytes)?;
        if opts.executable {
            make_executable(&file)?;
        }
        file.sync_all()?;
        drop(file);
        let written = match opts.existing {
            Existing::Replace => std::fs::rename(&tmp, path).map(|()| true),
            Existing::Keep => match std::fs::hard_link(&tmp, path) {
                Ok(()) => Ok(true),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
                // A file system without hard links: check, then rename (a race can lose to a file
                // created in between, never to a symlink: rename replaces a link, not its target).
                Err(_) if !exists(path)? => std::fs::rename(&tmp, path).map(|()| true),
                Err(_) => Ok(false),
            },
        }?;
        sync_dir(dir);
        Ok(written)
    })();
    // After a rename the temporary is gone; after a link or a failure it is removed here.
    let _ = std::fs::remove_file(&tmp);
    result
}

/// Creates `dir` and its missing parents, refusing when any existing component between `root` and
/// `dir` is a symlink that resolves outside `root` (a hostile repository's `.charter -> /etc`).
/// `dir` must be `root` or lie under it.
pub fn create_dir_inside(root: &Path, dir: &Path) -> io::Result<()> {
    let real_root = std::fs::canonicalize(root)?;
    let rel = dir.strip_prefix(root).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("is not inside {}", root.display()),
        )
    })?;
    let mut at = root.to_path_buf();
    for part in rel.components() {
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                let inside = std::fs::canonicalize(&at).is_ok_and(|t| t.starts_with(&real_root));
                if !inside {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidInput,
                        format!(
                            "{} is a symlink leading outside the repository; refusing to write through it",
                            at.display()
                        ),
                    ));
                }
            }
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                std::fs::create_dir(&at).or_else(|e| {
                    if e.kind() == io::ErrorKind::AlreadyExists && at.is_dir() {
                        Ok(())
                    } else {
                        Err(e)
                    }
                })?;
            }
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

fn exists(path: &Path) -> io::Result<bool> {
    match std::fs::symlink_metadata(path) {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

fn symlink_refused(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "is a symlink; refusing to write through it (remove {} and run again)",
            path.display()
        ),
    )
}

/// A new file `.<name>.<pid>.<n>.tmp` beside `path`, opened with `create_new` (O_EXCL: fails on
/// anything already there, symlinks included, rather than following it).
fn create_temporary(dir: &Path, path: &Path) -> io::Result<(PathBuf, File)> {
    let name = path.file_name().unwrap_or_default();
    let mut last = None;
    for n in 0..100u32 {
        let mut tmp_name = OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(".{}.{n}.tmp", std::process::id()));
        let tmp = dir.join(tmp_name);
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

#[cfg(unix)]
fn make_executable(file: &File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o755))
}

#[cfg(not(unix))]
fn make_executable(_file: &File) -> io::Result<()> {
    Ok(())
}

/// Makes the rename itself durable. Best effort: some platforms cannot open a directory.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_atomically_and_leaves_no_temporary() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("f.json");
        assert!(write_atomic(&p, b"one", WriteOptions::REPLACE).unwrap());
        assert!(write_atomic(&p, b"two", WriteOptions::REPLACE).unwrap());
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(d.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn keep_never_replaces_an_existing_file() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("f");
        assert!(write_atomic(&p, b"one", WriteOptions::KEEP).unwrap());
        assert!(!write_atomic(&p, b"two", WriteOptions::KEEP).unwrap());
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_target_is_refused_and_not_followed() {
        let d = tempfile::tempdir().unwrap();
        let outside = d.path().join("outside");
        let p = d.path().join("link");
        std::os::unix::fs::symlink(&outside, &p).unwrap();
        for opts in [WriteOptions::REPLACE, WriteOptions::KEEP] {
            let e = write_atomic(&p, b"x", opts).unwrap_err();
            assert!(e.to_string().contains("symlink"), "{e}");
        }
        assert!(!outside.exists());
        assert!(
            std::fs::symlink_metadata(&p)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_symlink_at_the_temporary_name_is_not_followed() {
        let d = tempfile::tempdir().unwrap();
        let outside = d.path().join("outside");
        let p = d.path().join("f");
        let planted = d.path().join(format!(".f.{}.0.tmp", std::process::id()));
        std::os::unix::fs::symlink(&outside, &planted).unwrap();
        assert!(write_atomic(&p, b"x", WriteOptions::REPLACE).unwrap());
        assert_eq!(std::fs::read(&p).unwrap(), b"x");
        assert!(!outside.exists());
    }

    #[cfg(unix)]
    #[test]
    fn create_dir_inside_refuses_a_symlink_leaving_the_root() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().join("repo");
        let outside = d.path().join("elsewhere");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::os::unix::fs::symlink(&outside, root.join(".charter")).unwrap();
        let e = create_dir_inside(&root, &root.join(".charter/policies")).unwrap_err();
        assert!(e.to_string().contains("outside the repository"), "{e}");
        assert!(!outside.join("policies").exists());
        // A symlink that stays inside is fine.
        std::fs::create_dir_all(root.join("real")).unwrap();
        std::os::unix::fs::symlink(root.join("real"), root.join("alias")).unwrap();
        create_dir_inside(&root, &root.join("alias/sub")).unwrap();
        assert!(root.join("real/sub").is_dir());
    }
}
