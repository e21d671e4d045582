//! commit-msg reuses what pre-commit analysed for the same staged changes
//! (`.git/charter/cache/hooks.json`): the verdict is the same with the cache, without it, with a
//! corrupt one; a change to the index, the charter or `--show-suppressed` is never answered from
//! an entry made for something else; and the entry holds no secret.

use crate::common::{Repo, Run, aws_key_id};
use std::path::PathBuf;

const MSG: &str = ".git/CHARTER_TEST_MSG";

fn cache_file(r: &Repo) -> PathBuf {
    r.path().join(".git/charter/cache/hooks.json")
}

/// A staged change with something for every part of the analysis: a secret in a file and in a
/// new path, an insecure pattern, a class (auth), an inline-suppressed finding.
fn repo() -> Repo {
    let r = Repo::new();
    r.add("README.md", "start\n");
    r.commit("start");
    r.add("src/auth/session.py", format!(
        "import jwt\n\ndef check(token, key):\n    return jwt.decode(token, key, verify=False)\n\nAWS = \"{}\"\nOTHER = \"AKIA{}\"  # charter:allow\n",
        aws_key_id(),
        "Q5WB7TZKXN3RL2MD"
    ));
    r.add("lib/query.py", "def find(db, name):\n    return db.execute(\"SELECT * FROM users WHERE name = '\" + name + \"'\")\n");
    std::fs::write(
        r.path().join(MSG),
        "Add the session check\n\nAssisted-by: Claude\n",
    )
    .unwrap();
    r
}

fn commit_msg(r: &Repo, extra: &[&str]) -> Run {
    let mut args = vec!["commit-msg", MSG, "--format", "json"];
    args.extend_from_slice(extra);
    let run = r.charter(&args);
    assert!(
        run.code == 0 || run.code == 1,
        "commit-msg failed:\n{}",
        run.all()
    );
    run
}

fn pre_commit(r: &Repo, extra: &[&str]) -> Run {
    let mut args = vec!["pre-commit", "--format", "json"];
    args.extend_from_slice(extra);
    let run = r.charter(&args);
    assert!(
        run.code == 0 || run.code == 1,
        "pre-commit failed:\n{}",
        run.all()
    );
    run
}

/// commit-msg's verdict made from scratch: no cache before, and the one it leaves removed.
fn without_cache(r: &Repo, extra: &[&str]) -> Run {
    let _ = std::fs::remove_dir_all(r.path().join(".git/charter"));
    let run = commit_msg(r, extra);
    let _ = std::fs::remove_dir_all(r.path().join(".git/charter"));
    run
}

/// Rewrites a redacted preview in the cached entry, keeping its key: a commit-msg that prints the
/// rewritten preview read the cache (nothing else could have made it).
fn tamper(r: &Repo) -> String {
    let text = std::fs::read_to_string(cache_file(r)).expect("pre-commit left a cache entry");
    let marker = "CACHED-PREVIEW";
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let preview = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["file"]["findings"].as_array().unwrap().iter())
        .map(|f| f["preview"].as_str().unwrap().to_string())
        .next()
        .expect("a finding in the entry");
    let quoted = serde_json::to_string(&preview).unwrap();
    assert!(text.contains(&quoted), "{text}");
    std::fs::write(
        cache_file(r),
        text.replace(&quoted, &format!("\"{marker}\"")),
    )
    .unwrap();
    marker.to_string()
}

#[test]
fn commit_msg_after_pre_commit_gives_the_verdict_made_from_scratch() {
    let r = repo();
    let fresh = without_cache(&r, &[]);
    assert_eq!(fresh.code, 1, "the planted key is denied:\n{}", fresh.all());
    pre_commit(&r, &[]);
    assert!(cache_file(&r).is_file(), "pre-commit left no cache entry");
    let cached = commit_msg(&r, &[]);
    assert_eq!(cached.code, fresh.code);
    assert_eq!(cached.stdout, fresh.stdout);
    assert_eq!(cached.stderr, fresh.stderr);
    // The same holds for the console report.
    let _ = std::fs::remove_dir_all(r.path().join(".git/charter"));
    let plain_fresh = r.charter(&["commit-msg", MSG]);
    pre_commit(&r, &[]);
    let plain_cached = r.charter(&["commit-msg", MSG]);
    assert_eq!(plain_cached.all(), plain_fresh.all());
    assert_eq!(plain_cached.code, plain_fresh.code);
}

#[test]
fn the_cache_is_read_and_a_changed_index_is_not_answered_from_it() {
    let r = repo();
    pre_commit(&r, &[]);
    let marker = tamper(&r);
    // Same index: the entry is used (this is what makes the other tests mean something).
    assert!(commit_msg(&r, &[]).stdout.contains(&marker));
    // Another staged change: the entry is for a different change and is not used.
    pre_commit(&r, &[]);
    let marker = tamper(&r);
    r.add("lib/more.py", "x = 1\n");
    let after = commit_msg(&r, &[]);
    assert!(!after.stdout.contains(&marker), "{}", after.stdout);
    assert!(after.stdout.contains("\"files\": 3"), "{}", after.stdout);
    assert_eq!(after.stdout, without_cache(&r, &[]).stdout);
    // A line changed within a staged file, same paths and line count.
    pre_commit(&r, &[]);
    let marker = tamper(&r);
    r.add("lib/more.py", "x = 2\n");
    assert!(!commit_msg(&r, &[]).stdout.contains(&marker));
}

#[test]
fn a_changed_charter_or_show_suppressed_is_not_answered_from_the_cache() {
    let r = repo();
    pre_commit(&r, &[]);
    let marker = tamper(&r);
    let shown = commit_msg(&r, &["--show-suppressed"]);
    assert!(!shown.stdout.contains(&marker), "{}", shown.stdout);
    assert_eq!(
        shown.stdout,
        without_cache(&r, &["--show-suppressed"]).stdout
    );

    pre_commit(&r, &[]);
    let marker = tamper(&r);
    r.write(
        ".charter/charter.yaml",
        "secrets:\n  allow_paths: [\"src/auth/**\"]\n",
    );
    let changed = commit_msg(&r, &[]);
    assert!(!changed.stdout.contains(&marker), "{}", changed.stdout);
    assert_eq!(changed.stdout, without_cache(&r, &[]).stdout);
    assert_ne!(
        changed.stdout,
        {
            std::fs::remove_file(r.path().join(".charter/charter.yaml")).unwrap();
            without_cache(&r, &[]).stdout
        },
        "the charter change makes no difference, so this test shows nothing"
    );
}

#[test]
fn a_corrupt_or_deleted_cache_is_ignored() {
    let r = repo();
    let fresh = without_cache(&r, &[]);
    for junk in [
        &b""[..],
        b"{",
        b"\xff\xfe not json",
        b"{\"format\": \"git-charter hook cache 1\", \"key\": 7}",
        b"[]",
    ] {
        pre_commit(&r, &[]);
        std::fs::write(cache_file(&r), junk).unwrap();
        let run = commit_msg(&r, &[]);
        assert_eq!(run.stdout, fresh.stdout, "with {junk:?}");
        assert_eq!(run.code, fresh.code);
    }
    // A truncated entry (a kill mid-write cannot leave one, but a disk can).
    pre_commit(&r, &[]);
    let text = std::fs::read(cache_file(&r)).unwrap();
    std::fs::write(cache_file(&r), &text[..text.len() / 2]).unwrap();
    assert_eq!(commit_msg(&r, &[]).stdout, fresh.stdout);
    // The directory gone, or a file where it should be: no error, same verdict.
    std::fs::remove_dir_all(r.path().join(".git/charter")).unwrap();
    assert_eq!(commit_msg(&r, &[]).stdout, fresh.stdout);
    std::fs::remove_dir_all(r.path().join(".git/charter")).unwrap();
    std::fs::write(r.path().join(".git/charter"), "not a directory").unwrap();
    let run = commit_msg(&r, &[]);
    assert_eq!(run.stdout, fresh.stdout);
    assert_eq!(run.stderr, fresh.stderr);
}

#[test]
fn the_cache_holds_no_secret() {
    let r = repo();
    let path_key = format!("AKIA{}", "M3TQ8VZ2RKWX7NPL");
    r.add(&format!("keys/{path_key}.txt"), "nothing here\n");
    pre_commit(&r, &[]);
    let text = std::fs::read_to_string(cache_file(&r)).unwrap();
    assert!(text.contains("\"fingerprint\""), "{text}");
    for secret in [
        aws_key_id(),
        format!("AKIA{}", "Q5WB7TZKXN3RL2MD"),
        path_key,
    ] {
        assert!(!text.contains(&secret), "the cache holds {secret}");
        assert!(
            !text.contains(&secret[4..]),
            "the cache holds most of {secret}"
        );
    }
}

/// Through git itself: the native hooks commit (or refuse) exactly as they do without a cache.
#[test]
fn git_commit_through_the_hooks_leaves_one_entry_and_is_unchanged() {
    let r = Repo::new();
    r.add("README.md", "start\n");
    r.commit("start");
    assert_eq!(r.charter(&["install"]).code, 0);
    r.add(
        "src/lib.rs",
        "pub fn add(a: i32, b: i32) -> i32 {\n    a + b\n}\n",
    );
    let out = r.git_with_hooks(&["commit", "-q", "-m", "Add add"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(cache_file(&r).is_file());
    let mut names: Vec<_> = std::fs::read_dir(r.path().join(".git/charter/cache"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["hooks.json", "policies.bin"],
        "one analysis, the compiled policies, no temporaries"
    );
    r.add("src/key.py", format!("k = \"{}\"\n", aws_key_id()));
    let out = r.git_with_hooks(&["commit", "-q", "-m", "Add a key"]);
    assert!(!out.status.success(), "the key was committed");
}

// ---- compiled policies: `.git/charter/cache/policies.bin` ----

fn policies_file(r: &Repo) -> PathBuf {
    r.path().join(".git/charter/cache/policies.bin")
}

/// The file's header lines (format, key, kind, payload digest).
fn policies_header(r: &Repo) -> Vec<String> {
    let bytes = std::fs::read(policies_file(r)).expect("a run left compiled policies");
    bytes
        .split(|&b| b == b'\n')
        .take(4)
        .map(|l| String::from_utf8_lossy(l).into_owned())
        .collect()
}

#[cfg(unix)]
fn inode(p: &std::path::Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(p).unwrap().ino()
}

/// commit-msg run as users run it (no VM cross-check), with the hooks' analysis cache removed so
/// only the compiled policies carry over.
fn commit_msg_plain(r: &Repo) -> Run {
    let _ = std::fs::remove_file(cache_file(r));
    let run = r.charter_plain(&["commit-msg", MSG, "--format", "json"]);
    assert!(
        run.code == 0 || run.code == 1,
        "commit-msg failed:\n{}",
        run.all()
    );
    run
}

#[test]
#[cfg(unix)]
fn compiled_policies_are_kept_and_a_run_from_them_judges_alike() {
    let r = repo();
    let _ = std::fs::remove_dir_all(r.path().join(".git/charter"));
    let fresh = commit_msg_plain(&r);
    assert_eq!(fresh.code, 1, "{}", fresh.all());
    let header = policies_header(&r);
    assert_eq!(header[0], "git-charter compiled policies 1");
    assert_eq!(header[2], "program", "the built-in policies run on the VM");
    let kept = inode(&policies_file(&r));
    // The next run loads the program: the file is not written again, and the verdict is the same.
    let again = commit_msg_plain(&r);
    assert_eq!(
        inode(&policies_file(&r)),
        kept,
        "the program was compiled again"
    );
    assert_eq!((again.code, &again.stdout), (fresh.code, &fresh.stdout));
    // pre-commit, ci-style runs and scan read the same file.
    assert!(matches!(r.charter_plain(&["pre-commit"]).code, 0 | 1));
    assert!(matches!(
        r.charter_plain(&["scan", "--format", "json"]).code,
        0 | 1
    ));
    assert_eq!(inode(&policies_file(&r)), kept);
}

#[test]
fn corrupt_or_foreign_compiled_policies_are_compiled_again() {
    let r = repo();
    let _ = std::fs::remove_dir_all(r.path().join(".git/charter"));
    let fresh = commit_msg_plain(&r);
    let good = std::fs::read(policies_file(&r)).unwrap();
    let header_len: usize = policies_header(&r).iter().map(|l| l.len() + 1).sum();
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x40;
    let mut other_key = good.clone();
    other_key[40] ^= 0x01;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("junk", b"\xff\xfe junk".to_vec()),
        ("truncated", good[..good.len() / 2].to_vec()),
        ("payload byte flipped", flipped),
        ("another key", other_key),
        ("header only", good[..header_len].to_vec()),
        (
            "payload replaced",
            [&good[..header_len], &b"not a program"[..]].concat(),
        ),
    ];
    for (what, bytes) in cases {
        std::fs::write(policies_file(&r), &bytes).unwrap();
        let run = commit_msg_plain(&r);
        assert_eq!(
            (run.code, &run.stdout),
            (fresh.code, &fresh.stdout),
            "{what}"
        );
        assert_eq!(run.stderr, fresh.stderr, "{what}");
        assert_eq!(
            std::fs::read(policies_file(&r)).unwrap(),
            good,
            "{what}: not rewritten"
        );
    }
}

#[test]
fn team_policies_run_on_the_interpreter_and_an_edit_is_what_runs() {
    let r = repo();
    let policy = |word: &str, body: &str| {
        format!(
            "# METADATA\n# title: Team word\n# custom:\n#   id: TEAM-WORD-001\n#   severity: high\npackage team.word\n\n{body}\n\ndeny contains \"{word}\" if {{ flag }}\n"
        )
    };
    r.write(
        ".charter/policies/word.rego",
        policy("first word", "flag if input.stage == \"commit-msg\""),
    );
    let first = commit_msg_plain(&r);
    assert!(first.stdout.contains("first word"), "{}", first.all());
    // The VM would make a team rule that raises an error silently undefined: team sets are
    // interpreted, and the file says so, so they are not compiled each run.
    assert_eq!(policies_header(&r)[2], "interpreted");
    // Edited: the kept entry is for other sources, so the new text is what runs.
    r.write(
        ".charter/policies/word.rego",
        policy("second word", "flag if input.stage == \"commit-msg\""),
    );
    let second = commit_msg_plain(&r);
    assert!(second.stdout.contains("second word"), "{}", second.all());
    assert!(!second.stdout.contains("first word"));
    // A team rule that raises an error stops the run (exit 3) instead of silently not denying.
    r.write(
        ".charter/policies/word.rego",
        policy("third word", "flag if lower(count(input.files)) == \"x\""),
    );
    let broken = r.charter_plain(&["commit-msg", MSG, "--format", "json"]);
    assert_eq!(broken.code, 3, "{}", broken.all());
    assert!(broken.stderr.contains("word.rego"), "{}", broken.stderr);
    // Removed again: the built-ins are back on the VM.
    std::fs::remove_dir_all(r.path().join(".charter")).unwrap();
    commit_msg_plain(&r);
    assert_eq!(policies_header(&r)[2], "program");
}
