//! An organisation charter bundle and a repository's charter that extends it
//! (`config::from_layers`): the bundle parsed and checked on its own (its `locked:` list
//! included), layered over the default, the repository's file over that, every locked key
//! compared. The input is the bundle's text, a NUL byte, then the repository's settings (after a
//! fixed, valid `extends:`).
//! Invariants: no panic; an accepted charter keeps every locked key at the bundle's value, and
//! carries the bundle's lock list.
#![no_main]

use git_charter::config::{self, BundleCharter};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

const EXTENDS: &str = "extends:\n  repository: ../org-charter.git\n  commit: 0123456789abcdef0123456789abcdef01234567\n  digest: sha256:0000000000000000000000000000000000000000000000000000000000000000\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (bundle, own) = text.split_once('\0').unwrap_or((text, ""));
    let team = format!("{EXTENDS}{own}");
    let name = Path::new("../org-charter.git@0123456789ab:charter.yaml");
    let b = BundleCharter { name, text: bundle };
    let Ok(charter) = config::from_layers(Path::new(".charter/charter.yaml"), &team, Some(&b))
    else {
        return;
    };
    // The bundle alone (with an empty repository file) gives the locked values.
    let alone = config::from_layers(Path::new(".charter/charter.yaml"), EXTENDS, Some(&b))
        .expect("a bundle accepted under a repository file is accepted alone");
    assert_eq!(
        charter.locked, alone.locked,
        "the lock list is the bundle's"
    );
    let full = serde_json::to_value(&charter).unwrap();
    let org = serde_json::to_value(&alone).unwrap();
    for key in charter
        .locked
        .iter()
        .filter(|k| !k.starts_with("policies/"))
    {
        let at = |v: &serde_json::Value| key.split('.').try_fold(v, |v, k| v.get(k)).cloned();
        assert_eq!(at(&full), at(&org), "locked key {key} changed");
    }
});
