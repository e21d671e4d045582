//! The readers of what other tools and other people write next to commits: git-ai authorship
//! notes and Agent Trace records (`provenance::fuzz_parse`, which also checks their invariants),
//! allowed-signers files, approvals notes and armoured SSH signatures. Invariant: none panics,
//! and each answers within the time libFuzzer allows (linear in its input).
#![no_main]

use git_charter::signing::allowed::AllowedSigners;
use git_charter::signing::{self, approval};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    git_charter::provenance::fuzz_parse(data);
    let text = String::from_utf8_lossy(data);
    let allowed = AllowedSigners::parse(&text).unwrap_or_default();
    let (approvals, _) = approval::parse_note(&text);
    for a in &approvals {
        let _ = a.approval.payload();
        let _ = signing::verify(
            &allowed,
            &a.signature,
            &a.approval.payload(),
            "git-charter",
            a.approval.timestamp,
            Some(&a.approval.signer),
        );
    }
    let _ = signing::signature_fingerprint(&text);
    let _ = signing::verify(&allowed, &text, data, "git", 0, None);
});
