//! A team's gitleaks / betterleaks config (`secrets.gitleaks_config`): the TOML schema
//! (`rules::gitleaks::parse`), then the import (Go RE2 patterns translated, allowlists,
//! `[extend]`; `fuzzing::gitleaks_import`, the part of `Scanner::new` that reads the config).
//! For one accepted config in 16 (chosen by a hash of the input: `Scanner::new` compiles every
//! built-in rule too, 10 ms) the whole scanner is built and scans the config's own text.
//! Invariants: a config the schema rejects is never imported, and `Scanner::new` accepts exactly
//! the configs the import accepts; every finding lies inside the text; no finding's secret
//! survives redaction (`redact_spans`).
#![no_main]

use git_charter::config::SecretsConfig;
use git_charter::detect::secrets::{Scanner, redact_spans};
use git_charter::fuzzing::{gitleaks_import, translate_go};
use git_charter::pattern::LineMap;
use git_charter::rules::gitleaks;
use git_charter_fuzz::{assert_absent, covered_secrets};
use libfuzzer_sys::fuzz_target;

fn fnv(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The translation on its own, over any text (the import only hands it the patterns).
    let _ = translate_go(text);
    // A rejected config needs no schema check (the implication holds whatever the schema says):
    // the schema parses only the imported ones, so a rejected input costs one TOML parse, not two.
    if gitleaks_import("fuzz.toml", text).is_err() {
        return;
    }
    if gitleaks::parse("fuzz.toml", text).is_err() {
        panic!("a config the schema rejects was imported");
    }
    if fnv(data) % 16 != 0 {
        return;
    }
    let scanner = match Scanner::new(
        &SecretsConfig::default(),
        &[("fuzz.toml".to_string(), text.to_string())],
    ) {
        Ok(s) => s,
        Err(e) => panic!("imported, but the scanner refuses the config: {e}"),
    };
    let mut findings = Vec::new();
    scanner.scan(
        "config/app.env",
        data,
        LineMap::Contiguous { first: 1 },
        &mut findings,
    );
    let lines = text.lines().count().max(1) as u32;
    for f in &findings {
        assert!(
            f.line >= 1 && f.line <= f.end_line && f.end_line <= lines + 1,
            "finding outside the text"
        );
        for &(s, e) in &f.spans {
            assert!(s <= e && e <= data.len(), "span outside the text");
        }
    }
    let red = redact_spans(text, &findings);
    for s in covered_secrets(data, &findings) {
        assert_absent("the redacted text", &red, &s);
    }
});
