//! Parsed documents for policies (`detect::structured`): the first byte picks the format (YAML,
//! JSON, TOML, HCL), the rest is the file's text.
//! Invariants: no panic, no stack overflow and no hang on any text; a document that parses stays
//! within the depth and node budgets; an error is one line and never quotes a long run of the
//! file's bytes.
#![no_main]

use git_charter::detect::structured::{Format, Limits, parse};
use libfuzzer_sys::fuzz_target;

const FORMATS: [Format; 4] = [Format::Yaml, Format::Json, Format::Toml, Format::Hcl];

fn depth(v: &serde_json::Value) -> usize {
    match v {
        serde_json::Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        serde_json::Value::Object(o) => 1 + o.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let format = FORMATS[pick as usize % FORMATS.len()];
    let limits = Limits {
        max_depth: 16,
        max_nodes: 20_000,
    };
    match parse(format, text, &limits) {
        // HCL counts a block's body one level deeper than its JSON shape shows.
        Ok(v) => assert!(
            depth(&v) <= limits.max_depth + 1,
            "{format:?}: depth {}",
            depth(&v)
        ),
        Err(e) => {
            assert!(!e.contains('\n'), "{format:?}: multi-line error {e:?}");
            // A distinctive run of the input (12 bytes without spaces) never appears in the error.
            for w in text
                .split_whitespace()
                .filter(|w| w.len() >= 12 && w.is_ascii())
            {
                assert!(!e.contains(w), "{format:?}: error quotes the file: {e:?}");
            }
        }
    }
});
