//! A team's gitleaks / betterleaks config (`secrets.gitleaks_config`): the TOML schema
//! (`rules::gitleaks::parse`), then the import (Go RE2 patterns translated, allowlists, `[extend]`)
//! through the one public way in, `Scanner::new`; an accepted config's scanner then scans the
//! config's own text.
//! Invariants: a config the schema rejects is never imported; every finding lies inside the text;
//! no finding's secret survives redaction (`redact_spans`).
#![no_main]

use git_charter::config::SecretsConfig;
use git_charter::detect::secrets::{Scanner, redact_spans};
use git_charter::pattern::LineMap;
use git_charter::rules::gitleaks;
use git_charter_fuzz::{assert_absent, covered_secrets};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = gitleaks::parse("fuzz.toml", text);
    let built = Scanner::new(
        &SecretsConfig::default(),
        &[("fuzz.toml".to_string(), text.to_string())],
    );
    let scanner = match (parsed, built) {
        (Err(_), Ok(_)) => panic!("a config the schema rejects was imported"),
        (_, Err(_)) => return,
        (Ok(_), Ok(s)) => s,
    };
    let mut findings = Vec::new();
    scanner.scan("config/app.env", data, LineMap::Contiguous { first: 1 }, &mut findings);
    let lines = text.lines().count().max(1) as u32;
    for f in &findings {
        assert!(f.line >= 1 && f.line <= f.end_line && f.end_line <= lines + 1, "finding outside the text");
        for &(s, e) in &f.spans {
            assert!(s <= e && e <= data.len(), "span outside the text");
        }
    }
    let red = redact_spans(text, &findings);
    for s in covered_secrets(data, &findings) {
        assert_absent("the redacted text", &red, &s);
    }
});
