//! git's pre-push stdin (`<local ref> <local sha> <remote ref> <remote sha>` lines), as
//! `git charter pre-push` reads it (`collect::range::parse_ref_lines`).
//! Invariants: every accepted object name is a full lowercase hexadecimal id; there are never
//! more updates than non-blank lines; the accepted updates written back as lines parse the same.
#![no_main]

use git_charter::collect::range::parse_ref_lines;
use libfuzzer_sys::fuzz_target;

fn is_id(s: &str) -> bool {
    (s.len() == 40 || s.len() == 64) && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(updates) = parse_ref_lines(text) else {
        return;
    };
    let nonblank = text.lines().filter(|l| !l.trim().is_empty()).count();
    assert!(updates.len() <= nonblank, "more updates than lines");
    let mut again = String::new();
    for u in &updates {
        assert!(
            is_id(&u.local_sha) && is_id(&u.remote_sha),
            "object name not a full id"
        );
        let _ = (u.is_delete(), u.is_new());
        again.push_str(&format!(
            "{} {} {} {}\n",
            u.local_ref, u.local_sha, u.remote_ref, u.remote_sha
        ));
    }
    assert_eq!(
        parse_ref_lines(&again).expect("written lines parse"),
        updates,
        "round trip changed the updates"
    );
});
