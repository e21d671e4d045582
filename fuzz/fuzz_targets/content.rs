//! The pre-commit path over random staged files: a change set of any paths and contents goes
//! through the detectors built from the default charter (`Detectors::analyze`: secrets, insecure
//! patterns, classes and tiers), into the input document (`Input::new`), serialised as policies
//! see it; each content is also scanned as a whole file (`scan_content`, as `scan` does) and read
//! as a message by the AI signatures.
//! Input: records `[flags][path length][path][content length, u16 LE][content]`; flags choose
//! the status, a skip reason and whether line numbers are contiguous.
//! Invariants: findings lie inside their file's lines and buffer; `classify` and
//! `classify_detailed` agree; no detected secret reaches the input document.
#![no_main]

use git_charter::app::session::{CharterParts, Detectors};
use git_charter::collect::{ChangeSet, ChangedFile};
use git_charter::config::{self, LoadedCharter};
use git_charter::input::{self, Input};
use git_charter::model::{FileStatus, SkipReason, Stage};
use git_charter::pattern::LineMap;
use git_charter_fuzz::{
    Bytes, assert_absent_json, contains, covered_secrets, empty_document, json_strings,
};
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;
use std::path::PathBuf;

const STATUS: [FileStatus; 4] = [
    FileStatus::Added,
    FileStatus::Modified,
    FileStatus::Renamed,
    FileStatus::Deleted,
];
const SKIP: [Option<SkipReason>; 4] = [
    None,
    None,
    Some(SkipReason::Binary),
    Some(SkipReason::Deleted),
];

thread_local! {
    static DETECTORS: Detectors = Detectors::build(&CharterParts {
        charter: LoadedCharter {
            charter: config::default_charter(),
            file: None,
            text: None,
            dir: PathBuf::from(".charter"),
            waivers: Default::default(),
            bundle: None,
        },
        baseline: HashSet::new(),
        sources: Vec::new(),
        gitleaks: Vec::new(),
        allowed_signers: None,
    })
    .expect("detectors of the default charter");
}

fuzz_target!(|data: &[u8]| {
    let mut input = Bytes(data);
    let mut files = Vec::new();
    while !input.is_empty() && files.len() < 8 {
        let flags = input.byte();
        let plen = usize::from(input.byte());
        let path = String::from_utf8_lossy(input.take(plen)).into_owned();
        let clen = usize::from(input.u16());
        let added = input.take(clen).to_vec();
        let lines = added.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
        // Added lines of a diff are scattered through the file; a whole new file is contiguous.
        let first = u32::from(flags >> 5) + 1;
        let added_line_numbers = if flags & 0x10 != 0 {
            (0..lines).map(|i| first + 3 * i).collect()
        } else {
            (0..lines).map(|i| first + i).collect()
        };
        files.push(ChangedFile {
            path,
            old_path: (flags & 3 == 2).then(|| "old/name.txt".to_string()),
            status: STATUS[usize::from(flags & 3)],
            size: added.len() as u64,
            binary: SKIP[usize::from((flags >> 2) & 3)] == Some(SkipReason::Binary),
            skipped: SKIP[usize::from((flags >> 2) & 3)],
            added,
            added_line_numbers,
            removed_lines: 0,
            blob: None,
        });
    }
    // The manifests among the files, as new files: their dependency facts join the document.
    let deps = files
        .iter()
        .filter(|f| git_charter::detect::deps::format_of(&f.path).is_some() && f.skipped.is_none())
        .map(|f| git_charter::detect::deps::DepFile {
            path: f.path.clone(),
            old: None,
            new: Some(f.added.clone()),
            changed: true,
            too_large: false,
        })
        .collect();
    let changes = ChangeSet { files, deps };
    DETECTORS.with(|d| {
        let analysis = d.analyze(&changes);
        assert_eq!(analysis.files.len(), changes.files.len());
        let paths: Vec<&str> = changes.files.iter().map(|f| f.path.as_str()).collect();
        let mut secrets = Vec::new();
        for (f, out) in changes.files.iter().zip(&analysis.files) {
            let first = f.added_line_numbers.first().copied().unwrap_or(1);
            let last = f.added_line_numbers.last().copied().unwrap_or(1);
            for x in &out.findings {
                // A secret in the path itself is located on the path: line, column and end
                // line 0, no spans (`Redactor::path`). Found by this target (a path holding a
                // client secret) — the check once took it for a finding outside the file.
                if (x.line, x.column, x.end_line) == (0, 0, 0) {
                    assert!(
                        x.spans.is_empty(),
                        "a path finding with spans into the content"
                    );
                    // Only a change that puts its path into the repository reports it.
                    let adds_path = matches!(f.status, FileStatus::Added | FileStatus::Renamed)
                        && f.skipped != Some(SkipReason::Deleted);
                    assert!(adds_path, "a path finding on a change that adds no path");
                    continue;
                }
                assert!(
                    x.line >= first && x.line <= x.end_line && x.end_line <= last,
                    "finding at {}..{} outside {first}..{last}",
                    x.line,
                    x.end_line
                );
                for &(s, e) in &x.spans {
                    assert!(s < e && e <= f.added.len(), "span outside the buffer");
                }
            }
            if f.skipped.is_some() {
                continue;
            }
            secrets.extend(covered_secrets(&f.added, &out.findings));
            let mut plain = d.classifier().classify(&f.path, &f.added);
            let mut detailed: Vec<String> = d
                .classifier()
                .classify_detailed(&f.path, &f.added)
                .into_iter()
                .map(|h| h.class)
                .collect();
            plain.sort();
            detailed.sort();
            assert_eq!(plain, detailed, "classify and classify_detailed disagree");
            let whole = d.scan_content(&f.path, &f.added, LineMap::Contiguous { first: 1 }, false);
            for x in &whole.findings {
                assert!(x.line >= 1 && x.end_line >= x.line);
            }
            let text = String::from_utf8_lossy(&f.added);
            let _ = d.signatures.detect(&text, &[], None, None);
        }
        let mut doc = Input::new(
            Stage::PreCommit,
            input::Repo::default(),
            input::Commit::default(),
            analysis.files,
            analysis.stats,
        );
        doc.manifests = analysis.manifests;
        doc.dependencies = analysis.dependencies;
        let json = serde_json::to_string(&doc).expect("input serialises");
        let strings = std::cell::OnceCell::new();
        for s in &secrets {
            // A path is another field (its own scan); a secret repeated in one is not this check's.
            if paths.iter().any(|p| contains(p.as_bytes(), s)) {
                continue;
            }
            // Nor is the document's own vocabulary (field names, enum values; see commit_msg).
            if contains(empty_document().as_bytes(), s) {
                continue;
            }
            assert_absent_json(
                "the input document",
                strings.get_or_init(|| json_strings(&json)),
                s,
            );
        }
    });
});
