//! Organisation charter bundles (`extends:`): fetched from another git repository at a pinned
//! commit, checked against the pinned content digest, and cached under the git directory
//! (`<common git dir>/charter/bundles/<digest>.json`), so hooks run offline and every clone judges
//! with the same bytes. Layering and locks are `config::extends`'s.
//!
//! Only `git charter charter update` and the commands that judge history (`ci`, `report`, …) may
//! fetch (`allow_network`); the hooks read the cache and nothing else. The bundle's repository is
//! hostile as any repository is: its files are read as blobs of the pinned commit only, under the
//! same limits as a repository's own charter files, and git runs without a terminal prompt,
//! within a time limit, with `--` before the URL.

use super::Repo;
use super::source::{CharterSource, MAX_FILE_BYTES, MAX_POLICY_BYTES, ReadError};
use crate::config::extends::{Extends, digest};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The bundle's charter file, relative to its directory.
pub const CHARTER: &str = "charter.yaml";
/// The bundle's policy directory, relative to its directory.
pub const POLICIES: &str = "policies";
/// How long one `git fetch` of a bundle may take.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(300);

const FORMAT: &str = "git-charter bundle 1";

static NETWORK: AtomicBool = AtomicBool::new(false);

/// Lets this process fetch a bundle that is not cached (every command but the hooks).
pub fn allow_network(allowed: bool) {
    NETWORK.store(allowed, Ordering::Relaxed);
}

fn network() -> bool {
    NETWORK.load(Ordering::Relaxed)
}

/// A bundle's files, relative to its directory, sorted by path: `charter.yaml` and
/// `policies/**/*.rego`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    pub files: Vec<BundleFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleFile {
    pub path: String,
    pub text: String,
}

impl Bundle {
    /// The digest `extends.digest` pins (`config::extends::digest`).
    pub fn digest(&self) -> String {
        digest(
            self.files
                .iter()
                .map(|f| (f.path.as_str(), f.text.as_bytes())),
        )
    }

    /// The text of `charter.yaml`.
    pub fn charter(&self) -> &str {
        self.files
            .iter()
            .find(|f| f.path == CHARTER)
            .map_or("", |f| f.text.as_str())
    }

    /// The policy files, relative to `policies/`.
    pub fn policies(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().filter_map(|f| {
            f.path
                .strip_prefix("policies/")
                .map(|rel| (rel, f.text.as_str()))
        })
    }
}

/// The cache file as written.
#[derive(Serialize, Deserialize)]
struct Cached {
    format: String,
    repository: String,
    commit: String,
    path: String,
    files: Vec<BundleFile>,
}

/// Why a bundle cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error(
        "`digest` is missing: run `git charter charter update`, which fetches {label} and prints its digest to pin"
    )]
    NoDigest { label: String },
    #[error(
        "the organisation charter {label} is not in this clone's cache; run `git charter charter update` once (it needs the network), then commit again"
    )]
    NotCached { label: String },
    #[error(
        "the organisation charter {label} has digest {actual}, not {expected} as `extends.digest` pins; refusing to judge with a bundle that is not the one pinned (if the bundle was meant to change, pin the new digest)"
    )]
    Mismatch {
        label: String,
        expected: String,
        actual: String,
    },
    #[error(
        "the cached copy of {label} ({}) does not match its digest: it was changed after it was fetched; run `git charter charter update` to fetch it again",
        path.display()
    )]
    CacheCorrupt { label: String, path: PathBuf },
    #[error("cannot fetch {label}: {message}")]
    Fetch { label: String, message: String },
    #[error("the bundle {label}: {message}")]
    Invalid { label: String, message: String },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Where a bundle with this digest is cached.
pub fn cache_path(common_dir: &Path, digest: &str) -> PathBuf {
    let hex = digest.strip_prefix("sha256:").unwrap_or(digest);
    bundles_dir(common_dir).join(format!("{hex}.json"))
}

fn bundles_dir(common_dir: &Path) -> PathBuf {
    common_dir.join("charter").join("bundles")
}

/// The bundle `extends` pins, from the cache; fetched (and cached) when it is not there and this
/// process may use the network. Its digest must be the pinned one.
pub fn load(repo: &Repo, ext: &Extends) -> Result<Bundle, BundleError> {
    let label = ext.label();
    let Some(expected) = ext.digest.clone() else {
        return Err(BundleError::NoDigest { label });
    };
    let path = cache_path(repo.common_dir(), &expected);
    match read_cache(&path)? {
        Some(bundle) if bundle.digest() == expected => return Ok(bundle),
        Some(_) if !network() => return Err(BundleError::CacheCorrupt { label, path }),
        None if !network() => return Err(BundleError::NotCached { label }),
        _ => {}
    }
    let bundle = fetch(repo, ext)?;
    let actual = bundle.digest();
    if actual != expected {
        return Err(BundleError::Mismatch {
            label,
            expected,
            actual,
        });
    }
    store(repo, ext, &bundle)?;
    Ok(bundle)
}

/// `git charter charter update`: fetches the bundle at its commit, whatever the cache holds, and
/// caches it under its actual digest. The caller compares that with the pin.
pub fn update(repo: &Repo, ext: &Extends) -> Result<(Bundle, PathBuf), BundleError> {
    let bundle = fetch(repo, ext)?;
    let path = store(repo, ext, &bundle)?;
    Ok((bundle, path))
}

fn read_cache(path: &Path) -> Result<Option<Bundle>, BundleError> {
    let limit = MAX_FILE_BYTES + 2 * MAX_POLICY_BYTES;
    let bytes = match crate::fsutil::read_regular(path, limit) {
        Ok(Ok(b)) => b,
        // Not a regular file, or too large: not a cache entry this binary wrote.
        Ok(Err(_)) => return Ok(Some(Bundle { files: Vec::new() })),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(BundleError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    Ok(Some(match serde_json::from_slice::<Cached>(&bytes) {
        Ok(c) if c.format == FORMAT => Bundle { files: c.files },
        // A file that does not parse matches no digest.
        _ => Bundle { files: Vec::new() },
    }))
}

fn store(repo: &Repo, ext: &Extends, bundle: &Bundle) -> Result<PathBuf, BundleError> {
    let path = cache_path(repo.common_dir(), &bundle.digest());
    let io = |source| BundleError::Io {
        path: path.clone(),
        source,
    };
    std::fs::create_dir_all(bundles_dir(repo.common_dir())).map_err(io)?;
    let cached = Cached {
        format: FORMAT.into(),
        repository: ext.repository.clone(),
        commit: ext.commit.clone(),
        path: ext.path.clone(),
        files: bundle.files.clone(),
    };
    let json = serde_json::to_vec_pretty(&cached).expect("serialises");
    crate::fsutil::write_atomic(&path, &json, crate::fsutil::WriteOptions::REPLACE).map_err(io)?;
    Ok(path)
}

/// Fetches the pinned commit into a temporary repository beside the cache and reads the bundle
/// from its tree.
fn fetch(repo: &Repo, ext: &Extends) -> Result<Bundle, BundleError> {
    let label = ext.label();
    let dir = bundles_dir(repo.common_dir());
    std::fs::create_dir_all(&dir).map_err(|source| BundleError::Io {
        path: dir.clone(),
        source,
    })?;
    let tmp = tempfile::Builder::new()
        .prefix("fetch-")
        .tempdir_in(&dir)
        .map_err(|source| BundleError::Io {
            path: dir.clone(),
            source,
        })?;
    let fetched = git2::Repository::init_bare(tmp.path()).map_err(|e| BundleError::Fetch {
        label: label.clone(),
        message: e.message().to_string(),
    })?;
    // The pinned commit alone, shallow; a server that refuses to serve a commit by id gets its
    // branches and tags fetched instead.
    let by_id = run_fetch(repo.root(), tmp.path(), ext, &["--depth=1"], &[&ext.commit]);
    if by_id.is_err() || !has_commit(&fetched, &ext.commit) {
        let refs = [
            "+refs/heads/*:refs/charter-bundle/heads/*",
            "+refs/tags/*:refs/charter-bundle/tags/*",
        ];
        run_fetch(repo.root(), tmp.path(), ext, &[], &refs).map_err(|message| {
            BundleError::Fetch {
                label: label.clone(),
                message,
            }
        })?;
        if !has_commit(&fetched, &ext.commit) {
            return Err(BundleError::Fetch {
                label,
                message: format!(
                    "the repository has no commit {} (is `extends.commit` a commit of it?)",
                    ext.commit
                ),
            });
        }
    }
    let fetched = Repo {
        repo: fetched,
        root: tmp.path().to_path_buf(),
    };
    read_bundle(&fetched, ext)
}

fn has_commit(repo: &git2::Repository, id: &str) -> bool {
    git2::Oid::from_str(id).is_ok_and(|oid| repo.find_commit(oid).is_ok())
}

/// Runs `git fetch --quiet --no-tags [options] -- <repository> [refspecs]` into `git_dir`, from
/// the repository's root (a relative path is relative to it), without a terminal prompt and within
/// `FETCH_TIMEOUT`. The error is git's last line of complaint.
fn run_fetch(
    root: &Path,
    git_dir: &Path,
    ext: &Extends,
    options: &[&str],
    refspecs: &[&str],
) -> Result<(), String> {
    let mut cmd = std::process::Command::new("git");
    // A hook runs with git's variables for the repository being committed to: none of them may
    // point this fetch elsewhere.
    for var in [
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR",
        "GIT_NAMESPACE",
        "GIT_QUARANTINE_PATH",
    ] {
        cmd.env_remove(var);
    }
    cmd.current_dir(root)
        .env("GIT_TERMINAL_PROMPT", "0")
        .arg("--git-dir")
        .arg(git_dir)
        .args(["fetch", "--quiet", "--no-tags", "--no-write-fetch-head"])
        .args(options)
        .arg("--")
        .arg(&ext.repository)
        .args(refspecs)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| format!("cannot run git: {e}"))?;
    let stderr = child.stderr.take();
    // Read to the end (a full pipe would stall git), keeping only the last 64 KiB.
    let reader = std::thread::spawn(move || {
        use std::io::Read;
        const KEEP: usize = 64 << 10;
        let mut kept = Vec::new();
        let mut buf = [0u8; 8192];
        if let Some(mut e) = stderr {
            while let Ok(n @ 1..) = e.read(&mut buf) {
                kept.extend_from_slice(&buf[..n]);
                if kept.len() > 2 * KEEP {
                    kept.drain(..kept.len() - KEEP);
                }
            }
        }
        String::from_utf8_lossy(&kept).into_owned()
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > FETCH_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "git fetch took longer than {} s",
                    FETCH_TIMEOUT.as_secs()
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(format!("git fetch: {e}")),
        }
    };
    let err = reader.join().unwrap_or_default();
    if status.success() {
        return Ok(());
    }
    let line = err
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("git fetch failed")
        .trim();
    Err(line.chars().take(300).collect())
}

/// The bundle's files from the pinned commit's tree: `charter.yaml` (required) and
/// `policies/**/*.rego`, read as a repository's own charter files are.
fn read_bundle(fetched: &Repo, ext: &Extends) -> Result<Bundle, BundleError> {
    let label = ext.label();
    let invalid = |e: ReadError| BundleError::Invalid {
        label: label.clone(),
        message: e.to_string(),
    };
    let source =
        CharterSource::commit(fetched, Some(&ext.commit)).map_err(|e| BundleError::Fetch {
            label: label.clone(),
            message: e.to_string(),
        })?;
    let within = |rel: &str| {
        if ext.path.is_empty() {
            rel.to_string()
        } else {
            format!("{}/{rel}", ext.path)
        }
    };
    let charter = match source.read(&within(CHARTER)) {
        Ok(t) => t,
        Err(e) if e.is_missing() => {
            return Err(BundleError::Invalid {
                label,
                message: format!(
                    "it has no {} (a bundle is a directory holding charter.yaml and, optionally, policies/)",
                    within(CHARTER)
                ),
            });
        }
        Err(e) => return Err(invalid(e)),
    };
    let mut files = vec![BundleFile {
        path: CHARTER.into(),
        text: charter,
    }];
    for f in source
        .commit_rego_files(&within(POLICIES))
        .map_err(invalid)?
    {
        files.push(BundleFile {
            path: format!("{POLICIES}/{}", f.rel),
            text: f.text,
        });
    }
    files.sort_by(|a, b| a.path.as_bytes().cmp(b.path.as_bytes()));
    Ok(Bundle { files })
}
