//! A Rego policy file's header as the binary reads it itself: the `package` line and its OPA
//! `# METADATA` block (YAML in comments, `policy::metadata::parse_header`) and the `test_*` rule
//! names of a test file.
//! Invariants: the package line exists and holds the package; test names start with `test_` and
//! are unique.
//! (The text-level recursion check `metadata::recursive_function` was fuzzed here too until the
//! sandboxed evaluator replaced it with a check over the parsed modules.)
#![no_main]

use git_charter::policy::metadata;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lines: Vec<&str> = text.lines().collect();
    if let Ok(Some(h)) = metadata::parse_header(text) {
        assert!(
            h.package_line >= 1 && h.package_line <= lines.len(),
            "package line out of range"
        );
        assert!(!h.package.is_empty(), "empty package");
        assert!(
            lines[h.package_line - 1].contains(h.package.as_str()),
            "package not on its line"
        );
    }
    let names = metadata::test_rule_names(text);
    for (i, (n, line)) in names.iter().enumerate() {
        assert!(n.starts_with("test_"), "test rule name without test_");
        assert!(*line >= 1 && *line <= lines.len());
        assert!(
            !names[..i].iter().any(|(m, _)| m == n),
            "duplicate test name"
        );
    }
});
