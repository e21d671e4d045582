//! Turning a git2 diff (HEAD→index, or parent→commit) into changed files with their added lines.
//! Blobs are read from the object database only; the work tree is never looked at.

use super::GitError;
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
    let mut find = DiffFindOptions::new();
    find.renames(true).copies(false);
    diff.find_similar(Some(&mut find))?;
    let odb = repo.odb()?;
    let mut files = Vec::with_capacity(diff.deltas().len());
    for delta in diff.deltas() {
        let new = delta.new_file();
        let old = delta.old_file();
        let path_bytes = new
            .path_bytes()
            .or_else(|| old.path_bytes())
            .unwrap_or_default();
        let mut file = ChangedFile {
            path: String::from_utf8_lossy(path_bytes).into_owned(),
            status: status_of(delta.status()),
            ..ChangedFile::default()
        };
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
        // UTF-16 text (PowerShell and Windows tools write it, BOM first) has NUL bytes: it is
        // judged as the text it is, decoded to UTF-8, not skipped as binary.
        let new_text = decode_utf16(content);
        let old_text = old_blob.as_ref().and_then(|b| decode_utf16(b.content()));
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
    Ok(ChangeSet { files })
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

/// UTF-16 text with a byte-order mark, as UTF-8 (the BOM dropped); `None` for anything else.
pub(crate) fn decode_utf16(content: &[u8]) -> Option<Vec<u8>> {
    let (little, body) = match content {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => return None,
    };
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
    Some(text.into_bytes())
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
    fn lines_are_counted_with_and_without_final_newline() {
        assert_eq!(count_lines(b""), 0);
        assert_eq!(count_lines(b"a"), 1);
        assert_eq!(count_lines(b"a\n"), 1);
        assert_eq!(count_lines(b"a\nb"), 2);
    }

    #[test]
    fn added_lines_drop_crlf_and_keep_numbers() {
        let mut f = ChangedFile::default();
        all_lines_added(b"one\r\ntwo\n\nfour", &mut f);
        assert_eq!(f.added, b"one\ntwo\n\nfour");
        assert_eq!(f.added_line_numbers, vec![1, 2, 3, 4]);
    }
}
