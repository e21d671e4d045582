//! The commit-msg pipeline as the hooks and `ci` run it (`Session::commit_facts`): the message is
//! scanned for secrets, redacted, its subject and trailers parsed and AI evidence found, in a
//! real (empty) repository with the default charter. Input: one flag byte, then the message;
//! with flag bit 0 the first line is an author `Name <email>` (`Ident::parse`), with bit 1 the
//! message is cleaned up first, as the commit-msg hook does.
//! Invariant: no detected secret (every occurrence of it inside a finding) reaches the redacted
//! message, the subject, the trailers, the AI evidence or the serialised input document.
#![no_main]

use git_charter::app::session::Session;
use git_charter::detect::message;
use git_charter::detect::redact::Field;
use git_charter::input::{self, Input, Stats};
use git_charter::model::{Ident, Stage};
use git_charter_fuzz::{
    assert_absent, assert_absent_json, contains, covered_secrets, empty_document, json_strings,
};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

fn repo() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("git-charter-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let ok = std::process::Command::new("git")
        .args(["init", "-q"])
        .arg(&dir)
        .status()
        .expect("git runs")
        .success();
    assert!(ok, "git init");
    dir
}

thread_local! {
    static SESSION: Session = Session::open(&repo()).expect("session over an empty repository");
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let (author, msg) = match text.split_once('\n') {
        Some((line, body)) if flags & 1 != 0 => (Ident::parse(line), body.to_string()),
        _ => (None, text.clone()),
    };
    let msg = if flags & 2 != 0 {
        message::cleanup(&msg, "#")
    } else {
        msg
    };
    SESSION.with(|session| {
        let commit = session.commit_facts(Some(msg.clone()), author.clone(), None);
        for f in &commit.findings {
            assert!(
                f.line >= 1 && f.end_line >= f.line,
                "finding lines {}..{}",
                f.line,
                f.end_line
            );
        }
        // Only the message's own findings: an identity's findings hold spans into the name or
        // the e-mail, which read as arbitrary bytes of the message (a false alarm found by this
        // target: an author name with a password in it).
        let in_message: Vec<_> = commit
            .findings
            .iter()
            .filter(|f| f.path == Field::Message.pseudo_path())
            .cloned()
            .collect();
        let secrets = covered_secrets(msg.as_bytes(), &in_message);
        if secrets.is_empty() {
            return;
        }
        let doc = Input::new(
            Stage::CommitMsg,
            input::Repo::default(),
            commit.clone(),
            Vec::new(),
            Stats::default(),
        );
        let json = serde_json::to_string(&doc).expect("input serialises");
        let strings = std::cell::OnceCell::new();
        let ident = author
            .as_ref()
            .map(|a| format!("{}\n{}", a.name, a.email))
            .unwrap_or_default();
        for s in &secrets {
            // Identities are not the message: a secret repeated there is another field's leak.
            if contains(ident.as_bytes(), s) {
                continue;
            }
            // Nor is the document's own vocabulary (`skipped_binary` as a password: a key of
            // the stats, not the message's secret).
            if contains(empty_document().as_bytes(), s) {
                continue;
            }
            assert_absent(
                "the redacted message",
                commit.message.as_ref().map_or("", |m| m.as_str()),
                s,
            );
            assert_absent(
                "the subject",
                commit.subject.as_ref().map_or("", |m| m.as_str()),
                s,
            );
            for t in &commit.trailers {
                assert_absent("a trailer", &format!("{}: {}", t.key, t.value), s);
            }
            for e in &commit.ai_evidence {
                assert_absent("AI evidence", &e.text, s);
            }
            assert_absent_json(
                "the input document",
                strings.get_or_init(|| json_strings(&json)),
                s,
            );
        }
    });
});
