//! Commit-message cleanup (git's `strip`), `core.commentChar=auto`, the subject and trailer parsing
//! in both of git's modes, over any message. Input: one flag byte (comment string, separators,
//! configured keys, mode), then the message.
//! Invariants: cleanup is idempotent but where git's is not (a cleaned message is what git stores, and cleaning it again
//! must not change it, nor its trailers); no trailer key is empty; keys, values and the subject
//! hold no newline.
#![no_main]

use git_charter::detect::message;
use git_charter::detect::trailers::{self, Mode, Trailer, TrailerConfig};
use libfuzzer_sys::fuzz_target;

const COMMENTS: [&str; 8] = ["#", ";", "", "auto", "//", "@", "#!", " "];
const SEPARATORS: [Option<&str>; 4] = [None, Some(":="), Some("%"), Some("#:")];

fn check(ts: &[Trailer]) {
    for t in ts {
        assert!(!t.key.is_empty(), "empty trailer key");
        assert!(!t.key.contains('\n'), "newline in trailer key");
        assert!(!t.value.contains('\n'), "newline in unfolded trailer value");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let raw = String::from_utf8_lossy(rest);
    let mut comment = COMMENTS[usize::from(flags & 7)].to_string();
    if comment == "auto" {
        comment = message::resolve_auto_comment(&raw);
        assert!(!comment.is_empty(), "auto resolved to no comment string");
    }
    let config = TrailerConfig {
        separators: SEPARATORS[usize::from((flags >> 3) & 3)].map(String::from),
        configured_keys: if flags & 0x20 != 0 {
            vec!["Assisted-by".into(), "co-authored-by".into(), "Ref".into()]
        } else {
            Vec::new()
        },
    };
    let mode = if flags & 0x40 != 0 {
        Mode::Interpret
    } else {
        Mode::Log
    };

    let _ = message::has_scissors(&raw, &comment);
    let clean = message::cleanup(&raw, &comment);
    let again = message::cleanup(&clean, &comment);
    // Not idempotent, as git's own clean-up is not, when stripping trailing whitespace turns a
    // kept line into the scissors line (`# ---- >8 ----\r` with no comment string): git cuts
    // before it strips, once, and so does the hook.
    if !(comment.is_empty() && message::has_scissors(&clean, "#")) {
        assert_eq!(clean, again, "cleanup is not idempotent");
    }
    let subject = message::subject(&clean);
    assert!(!subject.contains('\n'), "newline in subject");

    let from_clean = trailers::parse_with_comment(&clean, mode, &config, &comment);
    check(&from_clean);
    if flags & 0x80 != 0 {
        // The raw message as a commit object may hold it (ci): any bytes, comments included.
        check(&trailers::parse_with_comment(&raw, mode, &config, &comment));
    } else {
        check(&trailers::parse(&raw, mode, &config));
    }
    for t in &from_clean {
        let _ = trailers::is_trailer_key(&t.key);
    }
});
