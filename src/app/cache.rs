//! What pre-commit analysed, kept for commit-msg: `git commit` runs both hooks over the same
//! index, and the second need not scan the same staged lines again. One file,
//! `<git dir>/charter/cache/hooks.json`, safe to delete at any time.
//!
//! The entry is keyed by everything the analysis is a function of, so a stale one can never change
//! a verdict: this binary (version, size, modification time), the `--show-suppressed` switch, the
//! charter parts the detectors are built from (the charter's text and its effective form, the
//! gitleaks files it names, the baseline) and the staged changes themselves (every file's path,
//! status, blob, sizes and added lines, as the diff of HEAD to the index yields them). A key that
//! does not match, a file that does not parse, a missing directory: the analysis is made again,
//! never an error. An entry is written only if it reads back to the same document.
//!
//! The entry holds the analysed files exactly as the input document and `--show-suppressed` show
//! them: redacted paths and previews, fingerprints; no added line and no secret.

use super::session::{Analysis, CharterParts};
use crate::collect::ChangeSet;
use crate::detect::secrets::HiddenFinding;
use crate::input::SilencedSignal;
use crate::input::{Dependency, File, Manifest, Stats};
use crate::policy::{Compiled, Source};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Changes whenever the entry's shape or meaning does.
const FORMAT: &str = "git-charter hook cache 2";

/// Where the entry lives under a repository's (or linked worktree's) git directory.
pub fn path(git_dir: &Path) -> PathBuf {
    git_dir.join("charter").join("cache").join("hooks.json")
}

/// A digest of what the detectors are built from, or `None` when this binary cannot name itself
/// (then nothing is cached).
pub fn charter_digest(parts: &CharterParts, showing: bool) -> Option<String> {
    let mut h = Sha256::new();
    field(&mut h, FORMAT.as_bytes());
    binary_identity(&mut h)?;
    field(&mut h, &[u8::from(showing)]);
    let c = &parts.charter;
    field(&mut h, c.text.as_deref().unwrap_or("\0default").as_bytes());
    field(&mut h, serde_json::to_string(&c.charter).ok()?.as_bytes());
    for (origin, text) in &parts.gitleaks {
        field(&mut h, origin.as_bytes());
        field(&mut h, text.as_bytes());
    }
    let mut baseline: Vec<&String> = parts.baseline.iter().collect();
    baseline.sort();
    field(&mut h, &(baseline.len() as u64).to_le_bytes());
    for b in baseline {
        field(&mut h, b.as_bytes());
    }
    Some(hex(&h.finalize()))
}

/// Hashes what names this binary (version, path, size, modification time, inode): `None` when it
/// cannot name itself, and then nothing is cached.
fn binary_identity(h: &mut Sha256) -> Option<()> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(&exe).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    field(h, env!("CARGO_PKG_VERSION").as_bytes());
    field(h, exe.as_os_str().as_encoded_bytes());
    field(h, &meta.len().to_le_bytes());
    field(h, &modified.as_nanos().to_le_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        field(h, &meta.ino().to_le_bytes());
        field(h, &meta.dev().to_le_bytes());
    }
    Some(())
}

/// The key of one analysis: the charter's digest and the staged changes, byte for byte.
pub fn key(charter: &str, changes: &ChangeSet) -> String {
    let mut h = Sha256::new();
    field(&mut h, charter.as_bytes());
    field(&mut h, &(changes.files.len() as u64).to_le_bytes());
    for f in &changes.files {
        field(&mut h, f.path.as_bytes());
        field(&mut h, f.old_path.as_deref().unwrap_or("\0").as_bytes());
        field(&mut h, format!("{:?}", f.status).as_bytes());
        field(&mut h, format!("{:?}", f.skipped).as_bytes());
        field(&mut h, f.blob.as_deref().unwrap_or("\0").as_bytes());
        field(&mut h, &f.size.to_le_bytes());
        field(&mut h, &[u8::from(f.binary)]);
        field(&mut h, &f.removed_lines.to_le_bytes());
        let numbers: Vec<u8> = f
            .added_line_numbers
            .iter()
            .flat_map(|n| n.to_le_bytes())
            .collect();
        field(&mut h, &numbers);
        field(&mut h, &f.added);
    }
    // Dependency facts read manifests and lockfiles whole, unchanged lockfiles too.
    field(&mut h, &(changes.deps.len() as u64).to_le_bytes());
    for d in &changes.deps {
        field(&mut h, d.path.as_bytes());
        field(&mut h, &[u8::from(d.changed), u8::from(d.too_large)]);
        for content in [&d.old, &d.new] {
            match content {
                Some(c) => field(&mut h, &Sha256::digest(c)),
                None => field(&mut h, b"\0none"),
            }
        }
    }
    hex(&h.finalize())
}

/// The analysis stored under `key`, if the entry is there, whole and for this key.
pub fn load(git_dir: &Path, key: &str) -> Option<Analysis> {
    let bytes = std::fs::read(path(git_dir)).ok()?;
    let entry = decode(bytes)?;
    if entry.format != FORMAT || entry.key != key {
        return None;
    }
    Some(entry.into_analysis())
}

/// Findings name their marker, filter and encoding with `&'static str` constants, which borrow from
/// the text they are read from: the entry's text is leaked (once per hook process, a few KiB).
/// A string with an escape cannot be borrowed: that entry is not read back, as a corrupt one.
fn decode(bytes: Vec<u8>) -> Option<Entry> {
    let text: &'static str = Box::leak(String::from_utf8(bytes).ok()?.into_boxed_str());
    serde_json::from_str(text).ok()
}

/// Stores `analysis` under `key`, replacing any other entry. Best effort: a cache that cannot be
/// written is no cache.
pub fn store(git_dir: &Path, key: &str, analysis: &Analysis) {
    let Some(bytes) = encode(key, analysis) else {
        return;
    };
    let file = path(git_dir);
    let Some(dir) = file.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let _ = crate::fsutil::write_atomic(&file, &bytes, crate::fsutil::WriteOptions::REPLACE);
}

/// The entry's bytes, or `None` if they would not read back to the same analysis (a value JSON
/// cannot carry exactly is not cached).
fn encode(key: &str, analysis: &Analysis) -> Option<Vec<u8>> {
    let entry = EntryRef {
        format: FORMAT,
        key,
        files: analysis
            .files
            .iter()
            .map(|file| CachedFileRef {
                file,
                hidden: &file.hidden,
                silenced: &file.silenced,
            })
            .collect(),
        stats: &analysis.stats,
        baselined: analysis.baselined,
        manifests: &analysis.manifests,
        dependencies: &analysis.dependencies,
    };
    let bytes = serde_json::to_vec(&entry).ok()?;
    let back = decode(bytes.clone())?;
    let again = serde_json::to_vec(&back.as_ref()).ok()?;
    (again == bytes).then_some(bytes)
}

#[derive(Serialize)]
struct EntryRef<'a> {
    format: &'a str,
    key: &'a str,
    files: Vec<CachedFileRef<'a>>,
    stats: &'a Stats,
    baselined: u32,
    manifests: &'a [Manifest],
    dependencies: &'a [Dependency],
}

/// A file with what its own serialisation leaves out (kept for `--show-suppressed`).
#[derive(Serialize)]
struct CachedFileRef<'a> {
    file: &'a File,
    hidden: &'a [HiddenFinding],
    silenced: &'a [SilencedSignal],
}

#[derive(Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
struct Entry {
    format: String,
    key: String,
    files: Vec<CachedFile>,
    stats: Stats,
    baselined: u32,
    manifests: Vec<Manifest>,
    dependencies: Vec<Dependency>,
}

#[derive(Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
struct CachedFile {
    file: File,
    hidden: Vec<HiddenFinding>,
    silenced: Vec<SilencedSignal>,
}

impl Entry {
    fn as_ref(&self) -> EntryRef<'_> {
        EntryRef {
            format: &self.format,
            key: &self.key,
            files: self
                .files
                .iter()
                .map(|c| CachedFileRef {
                    file: &c.file,
                    hidden: &c.hidden,
                    silenced: &c.silenced,
                })
                .collect(),
            stats: &self.stats,
            baselined: self.baselined,
            manifests: &self.manifests,
            dependencies: &self.dependencies,
        }
    }

    fn into_analysis(self) -> Analysis {
        Analysis {
            files: self
                .files
                .into_iter()
                .map(|c| File {
                    hidden: c.hidden,
                    silenced: c.silenced,
                    ..c.file
                })
                .collect(),
            stats: self.stats,
            baselined: self.baselined,
            manifests: self.manifests,
            dependencies: self.dependencies,
        }
    }
}

/// Changes whenever the compiled-policies file's shape or meaning does.
const POLICY_FORMAT: &str = "git-charter compiled policies 1";

/// Where what the policies compiled to is kept: `<git dir>/charter/cache/policies.bin`.
pub fn policies_path(git_dir: &Path) -> PathBuf {
    git_dir.join("charter").join("cache").join("policies.bin")
}

/// The key of a set of policies' compiled form: this binary (and so its regorus) and every policy
/// file that runs (origin and text, in order); `None` when the binary cannot name itself.
pub fn policies_key(sources: &[Source]) -> Option<String> {
    let mut h = Sha256::new();
    field(&mut h, POLICY_FORMAT.as_bytes());
    binary_identity(&mut h)?;
    let runtime: Vec<&Source> = sources.iter().filter(|s| !s.is_test()).collect();
    field(&mut h, &(runtime.len() as u64).to_le_bytes());
    for s in runtime {
        field(&mut h, s.origin.as_bytes());
        field(&mut h, s.text.as_bytes());
        field(&mut h, &[u8::from(s.builtin)]);
    }
    Some(hex(&h.finalize()))
}

/// The compiled policies kept under `key`, if the file is there, whole and for this key.
/// Layout: the format line, the key line, the kind line (`program` or `interpreted`), the payload's
/// SHA-256 line, then the payload (a serialised RVM program, or nothing).
pub fn load_policies(git_dir: &Path, key: &str) -> Option<Compiled> {
    let bytes = crate::fsutil::read_regular(&policies_path(git_dir), MAX_POLICIES_FILE)
        .ok()?
        .ok()?;
    let mut rest = bytes.as_slice();
    let mut line = || -> Option<&[u8]> {
        let end = rest.iter().position(|&b| b == b'\n')?;
        let (l, r) = rest.split_at(end);
        rest = &r[1..];
        Some(l)
    };
    if line()? != POLICY_FORMAT.as_bytes() || line()? != key.as_bytes() {
        return None;
    }
    let kind = line()?.to_vec();
    let digest = line()?.to_vec();
    if digest != hex(&Sha256::digest(rest)).as_bytes() {
        return None;
    }
    match kind.as_slice() {
        b"program" if !rest.is_empty() => Some(Compiled::Program(Arc::from(rest))),
        b"interpreted" if rest.is_empty() => Some(Compiled::Interpreted),
        _ => None,
    }
}

/// Keeps `compiled` under `key`, replacing what was there. Best effort, as `store`.
pub fn store_policies(git_dir: &Path, key: &str, compiled: &Compiled) {
    let (kind, payload): (&str, &[u8]) = match compiled {
        Compiled::Program(bytes) => ("program", bytes),
        Compiled::Interpreted => ("interpreted", &[]),
    };
    if payload.len() as u64 > MAX_POLICIES_FILE / 2 {
        return;
    }
    let mut bytes = format!(
        "{POLICY_FORMAT}\n{key}\n{kind}\n{}\n",
        hex(&Sha256::digest(payload))
    )
    .into_bytes();
    bytes.extend_from_slice(payload);
    let file = policies_path(git_dir);
    let Some(dir) = file.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let _ = crate::fsutil::write_atomic(&file, &bytes, crate::fsutil::WriteOptions::REPLACE);
}

/// A compiled-policies file larger than this is not read (the built-in policies compile to about
/// 120 KiB).
const MAX_POLICIES_FILE: u64 = 64 << 20;

/// A length-prefixed field, so that no two different sequences of fields hash alike.
fn field(h: &mut Sha256, bytes: &[u8]) {
    h.update((bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `git charter report`'s records, kept per charter: `<git dir>/charter/cache/report-<key>.json`,
/// one file per set of charter parts that judged some commits, safe to delete at any time. A
/// commit's record is a function of the commit (its id names its content and parents) and of
/// what judged it, which the key covers: this binary, the charter parts (charter, policies,
/// gitleaks files, baseline, waivers) and, when waivers or a re-certification make the verdict
/// depend on the day, the day. Records hold redacted text and fingerprints only, as the report does.
pub mod report {
    use super::{FORMAT, binary_identity, field, hex};
    use crate::app::ci::Trail;
    use crate::app::session::CharterParts;
    use crate::kpi::Record;
    use serde::{Deserialize, Serialize};
    use sha2::{Digest, Sha256};
    use std::collections::HashMap;
    use std::path::{Path, PathBuf};

    const REPORT_FORMAT: &str = "git-charter report cache 1";

    pub(crate) type Records = HashMap<String, (Record, Trail)>;

    #[derive(Serialize, Deserialize)]
    struct Entry {
        format: String,
        key: String,
        records: Records,
    }

    /// The key of everything a record depends on besides its commit, or `None` when this binary
    /// cannot name itself (then nothing is cached).
    pub(crate) fn key(parts: &CharterParts, today: &str) -> Option<String> {
        let mut h = Sha256::new();
        field(&mut h, REPORT_FORMAT.as_bytes());
        field(&mut h, FORMAT.as_bytes());
        binary_identity(&mut h)?;
        let c = &parts.charter;
        field(&mut h, c.text.as_deref().unwrap_or("\0default").as_bytes());
        field(&mut h, serde_json::to_string(&c.charter).ok()?.as_bytes());
        field(
            &mut h,
            serde_json::to_string(&c.waivers.list).ok()?.as_bytes(),
        );
        if !c.waivers.is_empty() || c.charter.certified.is_some() {
            field(&mut h, today.as_bytes());
        }
        for s in &parts.sources {
            field(&mut h, s.origin.as_bytes());
            field(&mut h, s.text.as_bytes());
        }
        for (origin, text) in &parts.gitleaks {
            field(&mut h, origin.as_bytes());
            field(&mut h, text.as_bytes());
        }
        let mut baseline: Vec<&String> = parts.baseline.iter().collect();
        baseline.sort();
        for b in baseline {
            field(&mut h, b.as_bytes());
        }
        Some(hex(&h.finalize())[..32].to_string())
    }

    fn path(git_dir: &Path, key: &str) -> PathBuf {
        git_dir
            .join("charter")
            .join("cache")
            .join(format!("report-{key}.json"))
    }

    /// The records kept under `key`; empty when there are none (or the file is not this key's).
    pub(crate) fn load(git_dir: &Path, key: &str) -> Records {
        let read = || -> Option<Records> {
            let bytes = crate::fsutil::read_regular(&path(git_dir, key), 1 << 30)
                .ok()?
                .ok()?;
            let e: Entry = serde_json::from_slice(&bytes).ok()?;
            (e.format == REPORT_FORMAT && e.key == key).then_some(e.records)
        };
        read().unwrap_or_default()
    }

    /// Stores `records` under `key`. Best effort: a cache that cannot be written is no cache.
    pub(crate) fn store(git_dir: &Path, key: &str, records: Records) {
        let entry = Entry {
            format: REPORT_FORMAT.to_string(),
            key: key.to_string(),
            records,
        };
        let Ok(bytes) = serde_json::to_vec(&entry) else {
            return;
        };
        let file = path(git_dir, key);
        let Some(dir) = file.parent() else { return };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let _ = crate::fsutil::write_atomic(&file, &bytes, crate::fsutil::WriteOptions::REPLACE);
    }
}
