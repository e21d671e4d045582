//! Dependency manifests and lockfiles of every format (`detect::deps`): the first byte picks the
//! format and splits the rest into an old and a new version, which are parsed and compared as a
//! change to that file (with a lockfile beside it).
//! Invariants: no panic; every dependency name is non-empty and already normalised; a version that
//! does not parse yields an error and no dependency changes; comparing a version with itself
//! reports no dependency change; every name check answers.
#![no_main]

use git_charter::detect::deps::{self, DepFile, Format, normalize};
use libfuzzer_sys::fuzz_target;

const FILES: &[&str] = &[
    "Cargo.toml",
    "package.json",
    "requirements.txt",
    "pyproject.toml",
    "Pipfile",
    "go.mod",
    "Gemfile",
    "pom.xml",
    "build.gradle",
    "gradle/libs.versions.toml",
    "Cargo.lock",
    "package-lock.json",
    "yarn.lock",
    "pnpm-lock.yaml",
    "poetry.lock",
    "uv.lock",
    "Pipfile.lock",
    "go.sum",
    "Gemfile.lock",
];

/// The manifest whose lockfile a lockfile name belongs to.
fn manifest_for(lock: Format) -> &'static str {
    match lock {
        Format::CargoLock => "Cargo.toml",
        Format::PackageLock | Format::YarnLock | Format::PnpmLock => "package.json",
        Format::PoetryLock | Format::UvLock => "pyproject.toml",
        Format::PipfileLock => "Pipfile",
        Format::GoSum => "go.mod",
        _ => "Gemfile",
    }
}

fn file(path: &str, old: &[u8], new: &[u8], changed: bool) -> DepFile {
    DepFile {
        path: path.to_string(),
        old: Some(old.to_vec()),
        new: Some(new.to_vec()),
        changed,
        too_large: false,
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let path = FILES[pick as usize % FILES.len()];
    let format = deps::format_of(path).expect("every listed file has a format");
    let cut = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
    let (old, new) = (&rest[..cut], rest.get(cut + 1..).unwrap_or(&[]));
    let eco = format.ecosystem();
    let text = String::from_utf8_lossy(new);
    if format.is_lockfile() {
        if let Ok(locked) = deps::manifest::parse_lockfile(format, &text) {
            for name in locked.keys() {
                assert_eq!(&normalize(eco, name), name, "lockfile name not normalised");
            }
        }
        // As the lockfile of a changed manifest, with the manifest unchanged in content.
        let m = manifest_for(format);
        let facts = deps::analyze(&[file(m, b"", b"", true), file(path, old, new, true)]);
        assert!(
            facts.iter().all(|f| f.deps.is_empty()),
            "an empty manifest has no dependencies"
        );
        return;
    }
    let parsed = deps::manifest::parse_manifest(format, &text);
    if let Ok(p) = &parsed {
        for d in &p.deps {
            assert!(
                !d.name.is_empty() || d.written.is_empty(),
                "empty name for {:?}",
                d.written
            );
            assert_eq!(normalize(eco, &d.name), d.name, "name not normalised");
        }
    }
    let facts = deps::analyze(&[file(path, old, new, true)]);
    assert_eq!(facts.len(), 1, "one changed manifest, one entry");
    let f = &facts[0];
    if parsed.is_err() {
        assert!(
            f.error.is_some(),
            "a version that does not parse is reported"
        );
        assert!(
            f.deps.is_empty(),
            "nothing is compared with an unreadable version"
        );
    }
    for d in &f.deps {
        if let Some(c) = &d.check {
            let again = deps::names::check(eco, &d.dep.name, d.known);
            assert_eq!(&again, c, "the name check is a function of its input");
        }
    }
    let same = deps::analyze(&[file(path, new, new, true)]);
    assert!(
        same[0].deps.is_empty(),
        "a version compared with itself changed {:?}",
        same[0].deps
    );
    assert!(
        same[0].scripts.is_empty(),
        "a version compared with itself changed its scripts"
    );
});
