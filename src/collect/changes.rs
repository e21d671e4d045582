//! Turning a git2 diff (HEAD→index, or parent→commit) into changed files with their added lines.
//! Blobs are read from the object database only; the work tree is looked at only by
//! `collect_workdir`, for the agent hooks (a proposed `git commit -a`, a file an agent just wrote).

use super::GitError;
use crate::detect::deps::DepFile;
use crate::model::{FileStatus, SkipReason};
use git2::{Delta, Diff, DiffFindOptions, DiffOptions, FileMode, Oid, Repository};

/// Bytes inspected for a NUL to call a blob binary (git's own heuristic looks at the first 8000).
const BINARY_SNIFF: usize = 8000;

/// One changed file. `added` holds only the added lines, joined by `\n` without line endings,
/// and `added_line_numbers[i]` is the line number in the new file of `added`'s line `i`.
#[derive(Debug, Clone, Default)]
pub struct ChangedFile {
    pub path: String,
    pub old_path: Option<String>,
    pub status: FileStatus,
    pub size: u64,
    pub binary: bool,
    pub skipped: Option<SkipReason>,
    pub added: Vec<u8>,
    pub added_line_numbers: Vec<u32>,
    pub removed_lines: u32,
    /// Object id of the new content, so a blob already scanned can be recognised.
    pub blob: Option<String>,
}

impl ChangedFile {
    pub fn added_lines(&self) -> u32 {
        self.added_line_numbers.len() as u32
    }
}

#[derive(Debug, Clone, Default)]
pub struct ChangeSet {
    pub files: Vec<ChangedFile>,
    /// The dependency manifests and lockfiles among `files`, with both versions' content, and the
    /// unchanged lockfiles of each changed manifest (`dependency_files`).
    pub deps: Vec<DepFile>,
}

/// The largest manifest or lockfile read for dependency facts (lockfiles of large applications run
/// to a few MiB); a larger one is reported as too large, not parsed.
pub const MAX_DEPENDENCY_FILE: u64 = 32 << 20;

/// A dependency file's content: `None` when missing or not a regular file, `Some(None)` when
/// over `MAX_DEPENDENCY_FILE`.
type DependencyContent = Option<Option<Vec<u8>>>;

/// Reads a blob for dependency facts: `None` for a missing or non-regular entry, `Some(None)` for
/// one over `MAX_DEPENDENCY_FILE`.
fn dependency_blob(
    repo: &Repository,
    entry: Option<(Oid, u32)>,
) -> Result<Option<Option<Vec<u8>>>, GitError> {
    let Some((id, mode)) = entry else {
        return Ok(None);
    };
    // Regular files only (0o100644, 0o100755): no symlink, submodule or tree.
    if mode & 0o170000 != 0o100000 || id.is_zero() {
        return Ok(None);
    }
    let (size, _) = repo.odb()?.read_header(id)?;
    if size as u64 > MAX_DEPENDENCY_FILE {
        return Ok(Some(None));
    }
    Ok(Some(Some(repo.find_blob(id)?.content().to_vec())))
}

/// The dependency files of `set`: every changed manifest and lockfile with its old content (from
/// `old`, the tree the change is made against) and new content (`new`, the index or the commit's
/// tree), and, for each changed manifest, the lockfiles of the nearest directory that has one,
/// read once. Nothing is read for a change that touches no manifest or lockfile.
pub(super) fn dependency_files(
    repo: &Repository,
    set: &ChangeSet,
    old: Option<&git2::Tree<'_>>,
    new: &dyn Fn(&str) -> Option<(Oid, u32)>,
) -> Result<Vec<DepFile>, GitError> {
    dependency_files_with(repo, set, old, &|path| dependency_blob(repo, new(path)))
}

/// A dependency file's content in the work tree, read as `dependency_blob` reads a blob.
pub(super) fn dependency_file_on_disk(
    root: &std::path::Path,
    path: &str,
) -> Result<DependencyContent, GitError> {
    match crate::fsutil::read_regular(&root.join(path), MAX_DEPENDENCY_FILE) {
        Ok(Ok(bytes)) => Ok(Some(Some(bytes))),
        Ok(Err(crate::fsutil::ReadRefused::TooLarge(_))) => Ok(Some(None)),
        Ok(Err(crate::fsutil::ReadRefused::NotRegular(_))) | Err(_) => Ok(None),
    }
}

/// `dependency_files`, the new side read by `new` (from the object database or the work tree).
pub(super) fn dependency_files_with(
    repo: &Repository,
    set: &ChangeSet,
    old: Option<&git2::Tree<'_>>,
    new: &dyn Fn(&str) -> Result<DependencyContent, GitError>,
) -> Result<Vec<DepFile>, GitError> {
    use crate::detect::deps::{format_of, lockfile_candidates};
    let old_entry = |path: &str| -> Option<(Oid, u32)> {
        let e = old?.get_path(std::path::Path::new(path)).ok()?;
        Some((e.id(), e.filemode() as u32))
    };
    let mut out: Vec<DepFile> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let push = |out: &mut Vec<DepFile>,
                path: &str,
                old_blob: Option<Option<Vec<u8>>>,
                new_blob: Option<Option<Vec<u8>>>,
                changed: bool| {
        let too_large = matches!(old_blob, Some(None)) || matches!(new_blob, Some(None));
        out.push(DepFile {
            path: path.to_string(),
            old: old_blob.flatten(),
            new: new_blob.flatten(),
            changed,
            too_large,
        });
    };
    for f in &set.files {
        if format_of(&f.path).is_none() {
            continue;
        }
        seen.insert(f.path.clone());
        let old_path = f.old_path.as_deref().unwrap_or(&f.path);
        let old_blob = match f.status {
            FileStatus::Added => None,
            _ => dependency_blob(repo, old_entry(old_path))?,
        };
        let new_blob = match f.status {
            FileStatus::Deleted => None,
            _ => new(&f.path)?,
        };
        push(&mut out, &f.path, old_blob, new_blob, true);
    }
    let manifests: Vec<String> = out
        .iter()
        .filter(|d| format_of(&d.path).is_some_and(|f| !f.is_lockfile()))
        .map(|d| d.path.clone())
        .collect();
    for m in manifests {
        for group in lockfile_candidates(&m) {
            let mut found = group.iter().any(|p| seen.contains(p));
            for p in &group {
                if seen.contains(p) {
                    continue;
                }
                let Some(blob) = new(p)? else {
                    continue;
                };
                seen.insert(p.clone());
                found = true;
                // Not part of the change: the old version is the new one.
                push(&mut out, p, Some(blob.clone()), Some(blob), false);
            }
            if found {
                break;
            }
        }
    }
    Ok(out)
}

/// Pairs of added and deleted files above which only exact renames are looked for. libgit2
/// otherwise compares every added file by content with up to 1000 deleted ones: seconds for one
/// mass move (5.5 s for one commit of prettier's history), quadratic in hostile input. Git's
/// `diff.renameLimit` is the same 1000 a side, but git applies it after exact renames, to the files
/// left; libgit2 cannot search twice (a second `find_similar` trips its internal assertion), so such
/// a commit's edited moves count as deleted and added files, judged on all their lines: stricter
/// than git's view of it, never laxer.
const INEXACT_RENAME_PAIRS: usize = 1000 * 1000;

/// Deleted files each added file is compared with by id, at most, in a mass move.
const EXACT_RENAME_SOURCES: usize = 50_000;

/// Finds renames: exact ones always, similar ones (judged on their edits) unless the change adds
/// and deletes more than `INEXACT_RENAME_PAIRS` pairs of files.
fn find_renames(diff: &mut Diff<'_>) -> Result<(), git2::Error> {
    let (mut added, mut deleted) = (0usize, 0usize);
    for d in diff.deltas() {
        match d.status() {
            Delta::Added => added += 1,
            Delta::Deleted => deleted += 1,
            _ => {}
        }
    }
    let mut find = DiffFindOptions::new();
    find.renames(true).copies(false);
    if added.saturating_mul(deleted) > INEXACT_RENAME_PAIRS {
        // Exact matches compare object ids only; libgit2 tries at most `rename_limit` deleted
        // files per added one, so the limit covers them all (bounded: ids are cheap, not free).
        find.exact_match_only(true)
            .rename_limit(deleted.min(EXACT_RENAME_SOURCES));
    }
    diff.find_similar(Some(&mut find))
}

pub(super) fn diff_options() -> DiffOptions {
    let mut opts = DiffOptions::new();
    opts.include_typechange(true)
        .context_lines(0)
        .ignore_submodules(false);
    opts
}

pub(super) fn collect(
    repo: &Repository,
    diff: &mut Diff<'_>,
    max_file_size: u64,
) -> Result<ChangeSet, GitError> {
    find_renames(diff)?;
    let odb = repo.odb()?;
    let mut files = Vec::with_capacity(diff.deltas().len());
    for delta in diff.deltas() {
        let new = delta.new_file();
        let old = delta.old_file();
        let mut file = changed_file(&delta);
        if matches!(delta.status(), Delta::Renamed | Delta::Copied) {
            file.old_path = old
                .path_bytes()
                .map(|p| String::from_utf8_lossy(p).into_owned());
        }
        let old_blob = blob_if_regular(repo, old.id(), old.mode());
        if delta.status() == Delta::Deleted {
            file.skipped = Some(SkipReason::Deleted);
            if let Some(b) = &old_blob {
                file.removed_lines = count_lines(b.content());
            }
            files.push(file);
            continue;
        }
        if delta.status() == Delta::Conflicted {
            file.skipped = Some(SkipReason::Conflicted);
            files.push(file);
            continue;
        }
        match new.mode() {
            FileMode::Commit => {
                file.skipped = Some(SkipReason::Submodule);
                files.push(file);
                continue;
            }
            FileMode::Link => {
                file.skipped = Some(SkipReason::Symlink);
                files.push(file);
                continue;
            }
            _ => {}
        }
        if new.id().is_zero() {
            file.skipped = Some(SkipReason::Unavailable);
            files.push(file);
            continue;
        }
        file.blob = Some(new.id().to_string());
        let (size, _) = odb.read_header(new.id())?;
        file.size = size as u64;
        if file.size > max_file_size {
            file.skipped = Some(SkipReason::TooLarge);
            files.push(file);
            continue;
        }
        let new_blob = repo.find_blob(new.id())?;
        let content = new_blob.content();
        // UTF-16/32 text (with or without a BOM) and text with stray NULs pass for binary: they
        // are judged as the text they are, decoded to UTF-8, not skipped.
        let new_text = decode_text(content);
        let old_text = old_blob.as_ref().and_then(|b| decode_text(b.content()));
        let new_bytes: &[u8] = new_text.as_deref().unwrap_or(content);
        let old_bytes: Option<&[u8]> = old_blob
            .as_ref()
            .map(|b| old_text.as_deref().unwrap_or(b.content()));
        if is_binary(new_bytes) || old_bytes.is_some_and(is_binary) {
            file.binary = true;
            file.skipped = Some(SkipReason::Binary);
            files.push(file);
            continue;
        }
        match (&old_blob, old_bytes) {
            (Some(old_blob), _) if new_text.is_none() && old_text.is_none() => {
                diff_lines(old_blob, &new_blob, &mut file)?
            }
            (_, Some(old)) => diff_buffers(old, new_bytes, &mut file)?,
            (_, None) => all_lines_added(new_bytes, &mut file),
        }
        files.push(file);
    }
    Ok(ChangeSet {
        files,
        deps: Vec::new(),
    })
}

/// `collect` for a diff whose new side is the work tree (`git commit -a`, `git commit <paths>`, or
/// a file an agent just edited): the new content is read from the file, bounded and only if it is
/// a regular file (a symlink is reported as one, a FIFO or a device is skipped as unavailable).
pub(super) fn collect_workdir(
    repo: &Repository,
    root: &std::path::Path,
    diff: &mut Diff<'_>,
    max_file_size: u64,
) -> Result<ChangeSet, GitError> {
    find_renames(diff)?;
    let mut files = Vec::with_capacity(diff.deltas().len());
    for delta in diff.deltas() {
        let new = delta.new_file();
        let old = delta.old_file();
        let mut file = changed_file(&delta);
        let old_blob = blob_if_regular(repo, old.id(), old.mode());
        match delta.status() {
            Delta::Deleted => {
                file.skipped = Some(SkipReason::Deleted);
                if let Some(b) = &old_blob {
                    file.removed_lines = count_lines(b.content());
                }
                files.push(file);
                continue;
            }
            Delta::Conflicted => {
                file.skipped = Some(SkipReason::Conflicted);
                files.push(file);
                continue;
            }
            _ => {}
        }
        if matches!(new.mode(), FileMode::Commit) {
            file.skipped = Some(SkipReason::Submodule);
            files.push(file);
            continue;
        }
        let path = root.join(&file.path);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                file.skipped = Some(SkipReason::Symlink);
                files.push(file);
                continue;
            }
            Ok(m) if !m.file_type().is_file() => {
                file.skipped = Some(SkipReason::Unavailable);
                files.push(file);
                continue;
            }
            Err(_) => {
                file.skipped = Some(SkipReason::Unavailable);
                files.push(file);
                continue;
            }
            Ok(_) => {}
        }
        let content = match crate::fsutil::read_regular(&path, max_file_size) {
            Ok(Ok(bytes)) => bytes,
            Ok(Err(crate::fsutil::ReadRefused::TooLarge(n))) => {
                file.size = n;
                file.skipped = Some(SkipReason::TooLarge);
                files.push(file);
                continue;
            }
            Ok(Err(crate::fsutil::ReadRefused::NotRegular(_))) | Err(_) => {
                file.skipped = Some(SkipReason::Unavailable);
                files.push(file);
                continue;
            }
        };
        file.size = content.len() as u64;
        file.blob = Some(Oid::hash_object(git2::ObjectType::Blob, &content)?.to_string());
        let new_text = decode_text(&content);
        let new_bytes: &[u8] = new_text.as_deref().unwrap_or(&content);
        let old_text = old_blob.as_ref().and_then(|b| decode_text(b.content()));
        let old_bytes: Option<&[u8]> = old_blob
            .as_ref()
            .map(|b| old_text.as_deref().unwrap_or(b.content()));
        if is_binary(new_bytes) || old_bytes.is_some_and(is_binary) {
            file.binary = true;
            file.skipped = Some(SkipReason::Binary);
            files.push(file);
            continue;
        }
        match old_bytes {
            Some(old) => diff_buffers(old, new_bytes, &mut file)?,
            None => all_lines_added(new_bytes, &mut file),
        }
        files.push(file);
    }
    Ok(ChangeSet {
        files,
        deps: Vec::new(),
    })
}

/// The changed files of a unified diff (`git diff` output, or any `---`/`+++`/`@@` patch), for a
/// change that exists only as text (the MCP server's `check_diff`): each file's path, status and
/// added lines with their numbers in the new file. Linear in the text; binary patches and
/// deletions carry no added lines. `max_files` bounds the files kept.
pub fn from_unified_diff(text: &str, max_files: usize) -> Result<ChangeSet, String> {
    let mut files: Vec<ChangedFile> = Vec::new();
    let mut new_line = 0u32;
    // Lines of the current hunk still to come on each side (from its `@@` header).
    let (mut old_left, mut new_left) = (0u32, 0u32);
    let mut pending_old: Option<String> = None;
    let strip = |p: &str| -> Option<String> {
        let p = p.split('\t').next().unwrap_or(p).trim_end();
        let p = p.trim_matches('"');
        if p == "/dev/null" {
            return None;
        }
        Some(
            p.strip_prefix("b/")
                .or_else(|| p.strip_prefix("a/"))
                .unwrap_or(p)
                .to_string(),
        )
    };
    let count = |t: &str| -> Option<(u32, u32)> {
        let mut it = t.splitn(2, ',');
        let start = it.next()?.parse().ok()?;
        let len = match it.next() {
            Some(n) => n.parse().ok()?,
            None => 1,
        };
        Some((start, len))
    };
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if old_left > 0 || new_left > 0 {
            let Some(file) = files.last_mut() else { break };
            match line.as_bytes().first() {
                Some(b'+') => {
                    let added = &line[1..];
                    file.size += added.len() as u64 + 1;
                    push_line(file, new_line, added.as_bytes());
                    new_line += 1;
                    new_left = new_left.saturating_sub(1);
                }
                Some(b'-') => {
                    file.removed_lines += 1;
                    old_left = old_left.saturating_sub(1);
                }
                Some(b'\\') => {}
                // A context line (an empty one may have lost its leading space).
                Some(b' ') | None => {
                    new_line += 1;
                    old_left = old_left.saturating_sub(1);
                    new_left = new_left.saturating_sub(1);
                }
                _ => {
                    old_left = 0;
                    new_left = 0;
                }
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("--- ") {
            pending_old = Some(rest.to_string());
            continue;
        }
        if let Some(rest) = line.strip_prefix("+++ ")
            && let Some(old) = pending_old.take()
        {
            if files.len() >= max_files {
                return Err(format!("the diff touches more than {max_files} files"));
            }
            let old_path = strip(&old);
            let new_path = strip(rest);
            let (path, status) = match (&old_path, &new_path) {
                (None, Some(n)) => (n.clone(), FileStatus::Added),
                (Some(o), None) => (o.clone(), FileStatus::Deleted),
                (Some(o), Some(n)) if o != n => (n.clone(), FileStatus::Renamed),
                (_, Some(n)) => (n.clone(), FileStatus::Modified),
                (None, None) => continue,
            };
            files.push(ChangedFile {
                old_path: (status == FileStatus::Renamed)
                    .then(|| old_path.clone().unwrap_or_default()),
                skipped: (status == FileStatus::Deleted).then_some(SkipReason::Deleted),
                path,
                status,
                ..ChangedFile::default()
            });
            continue;
        }
        if let Some(hunk) = line.strip_prefix("@@ ")
            && !files.is_empty()
        {
            // `@@ -a,b +c,d @@`
            let mut old = None;
            let mut new = None;
            for t in hunk.split_whitespace() {
                if let Some(x) = t.strip_prefix('-') {
                    old = count(x);
                } else if let Some(x) = t.strip_prefix('+') {
                    new = count(x);
                } else if t == "@@" {
                    break;
                }
            }
            if let (Some((_, ol)), Some((ns, nl))) = (old, new) {
                old_left = ol;
                new_left = nl;
                new_line = ns;
            }
            continue;
        }
        pending_old = if line.starts_with("diff ") {
            None
        } else {
            pending_old
        };
    }
    Ok(ChangeSet {
        files,
        deps: Vec::new(),
    })
}

/// A delta's file, before its content is read: the path (the old one for a deletion) and status.
fn changed_file(delta: &git2::DiffDelta<'_>) -> ChangedFile {
    let path_bytes = delta
        .new_file()
        .path_bytes()
        .or_else(|| delta.old_file().path_bytes())
        .unwrap_or_default();
    ChangedFile {
        path: String::from_utf8_lossy(path_bytes).into_owned(),
        status: status_of(delta.status()),
        ..ChangedFile::default()
    }
}

fn blob_if_regular<'r>(repo: &'r Repository, id: Oid, mode: FileMode) -> Option<git2::Blob<'r>> {
    if id.is_zero()
        || !matches!(
            mode,
            FileMode::Blob | FileMode::BlobExecutable | FileMode::BlobGroupWritable
        )
    {
        return None;
    }
    repo.find_blob(id).ok()
}

fn status_of(d: Delta) -> FileStatus {
    match d {
        Delta::Added | Delta::Untracked => FileStatus::Added,
        Delta::Deleted => FileStatus::Deleted,
        Delta::Renamed => FileStatus::Renamed,
        Delta::Copied => FileStatus::Copied,
        Delta::Typechange => FileStatus::Typechange,
        Delta::Conflicted => FileStatus::Conflicted,
        _ => FileStatus::Modified,
    }
}

pub(crate) fn is_binary(content: &[u8]) -> bool {
    content[..content.len().min(BINARY_SNIFF)].contains(&0)
}

fn count_lines(content: &[u8]) -> u32 {
    if content.is_empty() {
        return 0;
    }
    let n = content.iter().filter(|&&b| b == b'\n').count();
    (n + usize::from(content.last() != Some(&b'\n'))) as u32
}

fn push_line(file: &mut ChangedFile, line_no: u32, mut text: &[u8]) {
    if let Some(t) = text.strip_suffix(b"\n") {
        text = t;
    }
    if let Some(t) = text.strip_suffix(b"\r") {
        text = t;
    }
    if !file.added_line_numbers.is_empty() {
        file.added.push(b'\n');
    }
    file.added.extend_from_slice(text);
    file.added_line_numbers.push(line_no);
}

fn all_lines_added(content: &[u8], file: &mut ChangedFile) {
    file.added.reserve(content.len());
    let mut line_no = 0u32;
    for line in content.split_inclusive(|&b| b == b'\n') {
        line_no += 1;
        push_line(file, line_no, line);
    }
}

fn diff_lines(
    old: &git2::Blob<'_>,
    new: &git2::Blob<'_>,
    file: &mut ChangedFile,
) -> Result<(), GitError> {
    let mut opts = diff_options();
    let patch = git2::Patch::from_blobs(old, None, new, None, Some(&mut opts))?;
    added_from_patch(&patch, file)
}

fn diff_buffers(old: &[u8], new: &[u8], file: &mut ChangedFile) -> Result<(), GitError> {
    let mut opts = diff_options();
    opts.force_text(true);
    let patch = git2::Patch::from_buffers(old, None, new, None, Some(&mut opts))?;
    added_from_patch(&patch, file)
}

/// Text that would pass for binary, as UTF-8: UTF-16 or UTF-32 with or without a byte-order mark
/// (PowerShell and Windows tools write UTF-16), and UTF-8 text with stray NUL bytes (dropped).
/// `None` for UTF-8 text without NULs (used as it is) and for real binary content. A key hidden
/// behind one NUL or a BOM-less encoding was skipped as binary and passed.
pub(crate) fn decode_text(content: &[u8]) -> Option<Vec<u8>> {
    match content {
        [0xFF, 0xFE, 0, 0, rest @ ..] => return Some(decode_utf32(rest, true)),
        [0, 0, 0xFE, 0xFF, rest @ ..] => return Some(decode_utf32(rest, false)),
        [0xFF, 0xFE, rest @ ..] => return Some(decode_utf16(rest, true)),
        [0xFE, 0xFF, rest @ ..] => return Some(decode_utf16(rest, false)),
        _ => {}
    }
    let sample = &content[..content.len().min(BINARY_SNIFF)];
    if !sample.contains(&0) {
        return None;
    }
    // Without a BOM an encoding is accepted only when much of the sample is ASCII in it (the
    // high bytes of a code unit zero: that decides the byte order too) and its decoding of the
    // sample reads as text.
    let ascii_units = |width: usize, little: bool| {
        sample
            .chunks_exact(width)
            .filter(|u| {
                let high = if little { &u[1..] } else { &u[..width - 1] };
                high.iter().all(|&b| b == 0) && u.iter().any(|&b| b != 0)
            })
            .count()
    };
    for (width, decode) in [
        (4, decode_utf32 as fn(&[u8], bool) -> Vec<u8>),
        (2, decode_utf16),
    ] {
        if !content.len().is_multiple_of(width) {
            continue;
        }
        let units = sample.len() / width;
        let (le, be) = (ascii_units(width, true), ascii_units(width, false));
        let little = le >= be;
        if le.max(be) * 10 < units * 3 {
            continue;
        }
        if reads_as_text(&decode(&sample[..units * width], little)) {
            return Some(decode(content, little));
        }
    }
    let without: Vec<u8> = sample.iter().copied().filter(|&b| b != 0).collect();
    if reads_as_text(&without) {
        return Some(content.iter().copied().filter(|&b| b != 0).collect());
    }
    None
}

/// Whether decoded bytes read as text: valid UTF-8 (a character cut at the end of a sample
/// aside), no replacement characters or NULs, and almost no other control characters.
fn reads_as_text(bytes: &[u8]) -> bool {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) if e.error_len().is_none() && bytes.len() - e.valid_up_to() < 4 => {
            std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return false,
    };
    let (mut n, mut control) = (0usize, 0usize);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        n += 1;
        match c {
            // A sample may end inside a surrogate pair.
            char::REPLACEMENT_CHARACTER if chars.peek().is_none() => {}
            '\0' | char::REPLACEMENT_CHARACTER => return false,
            '\t' | '\n' | '\r' | '\x0c' | '\x1b' => {}
            c if c.is_control() => control += 1,
            _ => {}
        }
    }
    n > 0 && control * 50 <= n
}

fn decode_utf16(body: &[u8], little: bool) -> Vec<u8> {
    let units = body.chunks_exact(2).map(|c| {
        if little {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    let text: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    text.into_bytes()
}

fn decode_utf32(body: &[u8], little: bool) -> Vec<u8> {
    let text: String = body
        .chunks_exact(4)
        .map(|c| {
            let b = [c[0], c[1], c[2], c[3]];
            let n = if little {
                u32::from_le_bytes(b)
            } else {
                u32::from_be_bytes(b)
            };
            char::from_u32(n).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect();
    text.into_bytes()
}

fn added_from_patch(patch: &git2::Patch<'_>, file: &mut ChangedFile) -> Result<(), GitError> {
    for h in 0..patch.num_hunks() {
        for l in 0..patch.num_lines_in_hunk(h)? {
            let line = patch.line_in_hunk(h, l)?;
            match line.origin() {
                '+' => {
                    if let Some(n) = line.new_lineno() {
                        push_line(file, n, line.content());
                    }
                }
                '-' => file.removed_lines += 1,
                _ => {}
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unified_diffs_give_added_lines_with_their_numbers() {
        let diff = "diff --git a/src/a.rs b/src/a.rs\nindex 1..2 100644\n--- a/src/a.rs\n+++ b/src/a.rs\n@@ -1,3 +1,4 @@\n fn a() {}\n--- not a header\n+let k = 1;\n+\n ctx\n@@ -10 +11,0 @@\n-gone\n--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1,2 @@\n+x\n+++ y\n";
        let set = from_unified_diff(diff, 10).unwrap();
        assert_eq!(set.files.len(), 2);
        let a = &set.files[0];
        assert_eq!(
            (a.path.as_str(), a.status),
            ("src/a.rs", FileStatus::Modified)
        );
        assert_eq!(a.added_line_numbers, vec![2, 3]);
        assert_eq!(a.added, b"let k = 1;\n");
        assert_eq!(a.removed_lines, 2);
        let n = &set.files[1];
        assert_eq!((n.path.as_str(), n.status), ("new.txt", FileStatus::Added));
        assert_eq!(n.added, b"x\n++ y");
        assert!(from_unified_diff(diff, 1).is_err());
    }

    #[test]
    fn lines_are_counted_with_and_without_final_newline() {
        assert_eq!(count_lines(b""), 0);
        assert_eq!(count_lines(b"a"), 1);
        assert_eq!(count_lines(b"a\n"), 1);
        assert_eq!(count_lines(b"a\nb"), 2);
    }

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if little {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                }
            })
            .collect()
    }

    /// UTF-16 without a BOM, UTF-32 and one stray NUL made a file with a key "binary" and a pass.
    #[test]
    fn text_disguised_as_binary_is_decoded() {
        let text = "line one\nkey = value-é\n";
        for bytes in [
            utf16(text, true),
            utf16(text, false),
            [&[0xFF, 0xFE][..], &utf16(text, true)].concat(),
            text.chars()
                .flat_map(|c| (c as u32).to_le_bytes())
                .collect::<Vec<u8>>(),
            text.chars()
                .flat_map(|c| (c as u32).to_be_bytes())
                .collect::<Vec<u8>>(),
            [
                &[0, 0, 0xFE, 0xFF][..],
                &text
                    .chars()
                    .flat_map(|c| (c as u32).to_be_bytes())
                    .collect::<Vec<u8>>(),
            ]
            .concat(),
        ] {
            assert!(is_binary(&bytes));
            assert_eq!(
                decode_text(&bytes).as_deref(),
                Some(text.as_bytes()),
                "{bytes:?}"
            );
        }
        let nul = b"line one\nkey\0 = value\n";
        assert_eq!(
            decode_text(nul).as_deref(),
            Some(&b"line one\nkey = value\n"[..])
        );
        assert_eq!(
            decode_text(text.as_bytes()),
            None,
            "plain UTF-8 is used as it is"
        );
    }

    #[test]
    fn real_binary_content_stays_binary() {
        let png: Vec<u8> = [
            &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..],
            &[0x00, 0x10, 0x80, 0xff, 0xfe, 0x01, 0x02, 0x9c],
        ]
        .concat()
        .repeat(40);
        assert_eq!(decode_text(&png), None);
        let elf: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
        assert_eq!(decode_text(&elf), None);
    }

    #[test]
    fn added_lines_drop_crlf_and_keep_numbers() {
        let mut f = ChangedFile::default();
        all_lines_added(b"one\r\ntwo\n\nfour", &mut f);
        assert_eq!(f.added, b"one\ntwo\n\nfour");
        assert_eq!(f.added_line_numbers, vec![1, 2, 3, 4]);
    }
}
