//! A team's `.charter/charter.yaml`: parsed on its own, layered over the embedded default and
//! validated (`config::from_team_text`); for one accepted charter in 8 (by a hash of the input)
//! the detectors are built from it (classes and tiers, insecure patterns, AI signatures; the secret scanner, 10 ms with every
//! built-in rule, only when the `secrets` section differs from the default's, as
//! `Detectors::build` does) and run once over the charter's own text, so the regexes and globs
//! the charter added are compiled and used.
//! Invariant: the effective charter as `git charter charter` prints it (`config::to_yaml`) parses
//! back to the same charter.
#![no_main]

use git_charter::app::session::{CharterParts, Detectors};
use git_charter::config::{self, Charter, LoadedCharter, SecretsConfig};
use git_charter::detect::ai::Signatures;
use git_charter::detect::classes::Classifier;
use git_charter::detect::insecure::InsecureScanner;
use git_charter::detect::trailers::Trailer;
use git_charter::pattern::LineMap;
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

fn fnv(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

static DEFAULT_SECRETS: LazyLock<SecretsConfig> =
    LazyLock::new(|| config::default_charter().secrets);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new(".charter/charter.yaml");
    let Ok(charter) = config::from_team_text(path, text) else {
        return;
    };
    // A null where the default has a map layers nothing (fixed after this target found it; see
    // config::tests::an_empty_charter_or_section_layers_nothing).
    if charter == Charter::default() {
        return;
    }
    let yaml = config::to_yaml(&charter);
    match config::from_team_text(path, &yaml) {
        Ok(back) => assert!(
            back == charter,
            "the printed effective charter reads back differently"
        ),
        Err(e) => panic!("the printed effective charter does not parse: {e}"),
    }
    // Building the detectors compiles the built-in catalogues too (insecure rules, AI
    // signatures, class signals: about 80 % of an input's time): one accepted charter in 8.
    if fnv(data) % 8 != 0 {
        return;
    }
    let lines = LineMap::Contiguous { first: 1 };
    let paths = [
        "src/main.rs",
        ".env",
        "migrations/0001.sql",
        text.lines().next().unwrap_or(""),
    ];
    if let Ok(classifier) = Classifier::new(&charter.classes, &charter.tiers) {
        for p in paths {
            let _ = classifier.classify_detailed(p, data);
            let _ = classifier.tier(p);
        }
    }
    if let Ok(insecure) = InsecureScanner::new(&charter.insecure) {
        let mut out = Vec::new();
        for p in paths {
            insecure.scan(p, data, lines, &mut out);
        }
    }
    if let Ok(signatures) = Signatures::new(&charter.ai) {
        let trailer = Trailer {
            key: "Assisted-by".into(),
            value: text.lines().last().unwrap_or("").into(),
        };
        let _ = signatures.detect(text, &[trailer], None, None);
    }
    if charter.secrets == *DEFAULT_SECRETS {
        return;
    }
    let parts = CharterParts {
        charter: LoadedCharter {
            charter,
            file: Some(path.to_path_buf()),
            text: Some(text.to_string()),
            dir: PathBuf::from(".charter"),
            waivers: Default::default(),
            bundle: None,
        },
        baseline: HashSet::new(),
        sources: Vec::new(),
        gitleaks: Vec::new(),
        allowed_signers: None,
    };
    if let Ok(detectors) = Detectors::build(&parts) {
        for p in paths {
            let _ = detectors.scan_content(p, data, lines, true);
        }
    }
});
