//! A team's `.charter/charter.yaml`: parsed on its own, layered over the embedded default and
//! validated (`config::from_team_text`); when it is accepted, the detectors are built from it
//! (`Detectors::build`: secrets, classes and tiers, insecure patterns, AI signatures) and run once
//! over the charter's own text, so regexes and globs the charter added are compiled and used.
//! Invariant: the effective charter as `git charter charter` prints it (`config::to_yaml`) parses
//! back to the same charter.
#![no_main]

use git_charter::app::session::{CharterParts, Detectors};
use git_charter::config::{self, LoadedCharter};
use git_charter::detect::trailers::Trailer;
use git_charter::pattern::LineMap;
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new(".charter/charter.yaml");
    let Ok(charter) = config::from_team_text(path, text) else {
        return;
    };
    let yaml = config::to_yaml(&charter);
    match config::from_team_text(path, &yaml) {
        Ok(back) => assert!(back == charter, "the printed effective charter reads back differently"),
        Err(e) => panic!("the printed effective charter does not parse: {e}"),
    }
    let parts = CharterParts {
        charter: LoadedCharter {
            charter,
            file: Some(path.to_path_buf()),
            dir: PathBuf::from(".charter"),
        },
        baseline: HashSet::new(),
        sources: Vec::new(),
        gitleaks: Vec::new(),
    };
    let Ok(detectors) = Detectors::build(&parts) else {
        return;
    };
    for p in ["src/main.rs", ".env", "migrations/0001.sql", text.lines().next().unwrap_or("")] {
        let _ = detectors.scan_content(p, data, LineMap::Contiguous { first: 1 }, true);
        let _ = detectors.classifier.classify_detailed(p, data);
        let _ = detectors.classifier.tier(p);
    }
    let trailer = Trailer {
        key: "Assisted-by".into(),
        value: text.lines().last().unwrap_or("").into(),
    };
    let _ = detectors.signatures.detect(text, &[trailer], None, None);
});
