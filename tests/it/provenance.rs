//! Provenance and signed approvals end to end, as a new user runs them: real repositories, real
//! `ssh-keygen` keys, real SSH-signed commits (`git commit -S`), approvals made with
//! `git charter approve`, enforced by `git charter ci`; other tools' provenance records (git-ai
//! notes, Agent Trace records) as AI evidence; git-charter's own records (`attest`, `ci --attest`,
//! the post-commit hook) queried with `log`.

use crate::common::{self, Repo, git_in};
use std::path::{Path, PathBuf};
use std::process::Command;

fn have_ssh_keygen(test: &str) -> bool {
    let ok = Command::new("ssh-keygen")
        .arg("-?")
        .output()
        .is_ok_and(|o| !o.stderr.is_empty() || o.status.success());
    if !ok {
        common::missing_prerequisite(
            test,
            "`ssh-keygen` is not on PATH",
            "install openssh-client",
        );
    }
    ok
}

/// A new ed25519 key without passphrase; returns the private key's path.
fn key(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let out = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&path)
        .output()
        .expect("ssh-keygen runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    path
}

/// `keytype base64` of a key's public half.
fn public(key: &Path) -> String {
    let text = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    text.split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

struct Keys {
    _dir: tempfile::TempDir,
    alice: PathBuf,
    sec: PathBuf,
    mallory: PathBuf,
}

fn keys() -> Keys {
    let dir = tempfile::tempdir().unwrap();
    Keys {
        alice: key(dir.path(), "alice"),
        sec: key(dir.path(), "sec"),
        mallory: key(dir.path(), "mallory"),
        _dir: dir,
    }
}

const CHARTER: &str = "\
tiers:
  critical:
    paths: [\"core/**\"]
    review: {count: 0}
    approvals: {count: 1, roles: [security], signed_commit: true, always: true}
";

/// A repository whose base commit holds the charter and allowed signers: Alice signs commits, the
/// security reviewer signs approvals.
fn dual_signoff_repo(k: &Keys) -> Repo {
    let r = Repo::new();
    r.add(".charter/charter.yaml", CHARTER);
    r.add(
        ".charter/allowed_signers",
        format!(
            "# who may sign\nalice@example.com namespaces=\"git\" {}\nsec@example.com namespaces=\"git-charter\" {} roles=security\n",
            public(&k.alice),
            public(&k.sec)
        ),
    );
    r.add("README.md", "service\n");
    r.commit("charter");
    r.git(&["tag", "base"]);
    r.git(&["config", "gpg.format", "ssh"]);
    r
}

fn as_user(r: &Repo, email: &str, key: &Path) {
    r.git(&["config", "user.email", email]);
    r.git(&["config", "user.signingkey", key.to_str().unwrap()]);
}

fn signed_commit(r: &Repo, path: &str, body: &str, msg: &str) {
    r.add(path, body);
    r.git(&["commit", "-q", "--no-verify", "-S", "-m", msg]);
}

#[test]
fn critical_change_needs_a_signed_commit_and_a_security_approval() {
    if !have_ssh_keygen("critical_change_needs_a_signed_commit_and_a_security_approval") {
        return;
    }
    let k = keys();
    let r = dual_signoff_repo(&k);
    as_user(&r, "alice@example.com", &k.alice);
    signed_commit(&r, "core/vault.rs", "pub fn open() {}\n", "vault: open");
    // git itself sees a good signature with this file.
    let verify = git_in(
        r.path(),
        &[
            "-c",
            "gpg.ssh.allowedSignersFile=.charter/allowed_signers",
            "verify-commit",
            "HEAD",
        ],
    );
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stderr)
    );

    let ci = r.charter(&["ci", "--range", "base..HEAD", "--format", "json"]);
    assert_eq!(ci.code, 1, "{}", ci.all());
    assert!(ci.stdout.contains("CH-APPROVAL-002"), "{}", ci.stdout);
    assert!(
        ci.stdout
            .contains("needs 1 signed approval(s) with role security, found 0"),
        "{}",
        ci.stdout
    );
    assert!(!ci.stdout.contains("CH-APPROVAL-001"), "{}", ci.stdout);

    // The record (what the input document said) carries the verified signature.
    let rec = r.charter(&["attest", "--dry-run", "--format", "json", "HEAD"]);
    assert_eq!(rec.code, 0, "{}", rec.all());
    let doc: serde_json::Value = serde_json::from_str(&rec.stdout).unwrap();
    assert_eq!(doc[0]["signature"]["valid"], true, "{}", rec.stdout);
    assert_eq!(
        doc[0]["signature"]["principal"], "alice@example.com",
        "{}",
        rec.stdout
    );

    // The security reviewer approves; ci passes.
    as_user(&r, "sec@example.com", &k.sec);
    let a = r.charter(&[
        "approve",
        "HEAD",
        "--role",
        "security",
        "--comment",
        "looked at it",
    ]);
    assert_eq!(a.code, 0, "{}", a.all());
    assert!(a.stdout.contains("approved"), "{}", a.stdout);
    assert!(
        a.stdout.contains("refs/notes/charter-approvals"),
        "{}",
        a.stdout
    );
    let ci = r.charter(&["ci", "--range", "base..HEAD"]);
    assert_eq!(ci.code, 0, "{}", ci.all());

    // The note is one JSON line per approval, which `git notes merge -s cat_sort_uniq` can merge.
    let note = r.git(&["notes", "--ref", "charter-approvals", "show", "HEAD"]);
    assert_eq!(note.lines().count(), 1, "{note}");
    let line: serde_json::Value = serde_json::from_str(note.lines().next().unwrap()).unwrap();
    assert_eq!(line["signer"], "sec@example.com");
    assert_eq!(line["role"], "security");
    assert!(
        line["signature"]
            .as_str()
            .unwrap()
            .starts_with("-----BEGIN SSH SIGNATURE-----")
    );
    // No branch moved, nothing staged.
    assert_eq!(r.git(&["status", "--porcelain"]), "");
}

#[test]
fn an_unsigned_critical_commit_is_denied_whatever_its_approvals() {
    if !have_ssh_keygen("an_unsigned_critical_commit_is_denied_whatever_its_approvals") {
        return;
    }
    let k = keys();
    let r = dual_signoff_repo(&k);
    r.git(&["config", "user.email", "alice@example.com"]);
    r.add("core/vault.rs", "pub fn open() {}\n");
    r.commit("vault: open, unsigned");
    as_user(&r, "sec@example.com", &k.sec);
    assert_eq!(
        r.charter(&["approve", "HEAD", "--role", "security"]).code,
        0
    );
    let ci = r.charter(&["ci", "--range", "base..HEAD"]);
    assert_eq!(ci.code, 1, "{}", ci.all());
    assert!(ci.stdout.contains("CH-APPROVAL-001"), "{}", ci.stdout);
    assert!(ci.stdout.contains("it is not signed"), "{}", ci.stdout);

    // Signed by a key the allowed-signers file does not list for the committer.
    as_user(&r, "alice@example.com", &k.mallory);
    signed_commit(
        &r,
        "core/vault.rs",
        "pub fn open() { }\n",
        "vault: reformat",
    );
    let ci = r.charter(&["ci", "--range", "HEAD~1..HEAD"]);
    assert_eq!(ci.code, 1, "{}", ci.all());
    assert!(
        ci.stdout
            .contains("its signature is rejected (unknown-key)"),
        "{}",
        ci.stdout
    );
}

/// Each way an approval can fail to count is named in the denial.
#[test]
fn forged_wrong_commit_self_and_ai_approvals_are_rejected_with_the_reason() {
    if !have_ssh_keygen("forged_wrong_commit_self_and_ai_approvals_are_rejected_with_the_reason") {
        return;
    }
    let k = keys();
    let r = dual_signoff_repo(&k);
    as_user(&r, "alice@example.com", &k.alice);
    signed_commit(&r, "core/a.rs", "a\n", "a");
    as_user(&r, "sec@example.com", &k.sec);
    assert_eq!(
        r.charter(&["approve", "HEAD", "--role", "security"]).code,
        0
    );
    let good = r.git(&["notes", "--ref", "charter-approvals", "show", "HEAD"]);
    as_user(&r, "alice@example.com", &k.alice);
    signed_commit(&r, "core/b.rs", "b\n", "b");
    let head = r.git(&["rev-parse", "HEAD"]).trim().to_string();

    // The first commit's approval copied onto the second: wrong commit.
    // The same approval with its commit field rewritten: the signature no longer verifies.
    let mut forged: serde_json::Value = serde_json::from_str(good.trim()).unwrap();
    forged["commit"] = serde_json::Value::String(head.clone());
    forged["tree"] = serde_json::Value::String(r.git(&["rev-parse", "HEAD^{tree}"]).trim().into());
    forged["parents"] = serde_json::json!([r.git(&["rev-parse", "HEAD~1"]).trim()]);
    let note = format!("{}\n{}\nnot json at all\n", good.trim(), forged);
    let out = Command::new("git")
        .args([
            "notes",
            "--ref",
            "charter-approvals",
            "add",
            "-f",
            "-m",
            &note,
            &head,
        ])
        .current_dir(r.path())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ci = r.charter(&["ci", "--range", "HEAD~1..HEAD"]);
    assert_eq!(ci.code, 1, "{}", ci.all());
    assert!(ci.stdout.contains("(wrong-commit)"), "{}", ci.stdout);
    assert!(ci.stdout.contains("(forged)"), "{}", ci.stdout);
    assert!(ci.stdout.contains("(malformed)"), "{}", ci.stdout);

    // `approve` refuses what ci would reject: a key not allowed for the approval namespace, a
    // role the signer does not hold.
    let a = r.charter(&["approve", "HEAD", "--role", "security"]);
    assert_eq!(a.code, 2, "{}", a.all());
    assert!(a.stderr.contains("would not accept"), "{}", a.stderr);
    as_user(&r, "sec@example.com", &k.sec);
    let a = r.charter(&["approve", "HEAD", "--role", "release"]);
    assert_eq!(a.code, 2, "{}", a.all());
    assert!(
        a.stderr.contains("does not give you the role `release`"),
        "{}",
        a.stderr
    );
}

#[test]
fn self_and_ai_identity_approvals_do_not_count() {
    if !have_ssh_keygen("self_and_ai_identity_approvals_do_not_count") {
        return;
    }
    let k = keys();
    let r = Repo::new();
    r.add(".charter/charter.yaml", CHARTER);
    // Alice may sign approvals too, and so may an AI identity's key.
    r.add(
        ".charter/allowed_signers",
        format!(
            "alice@example.com {} roles=security\nnoreply@anthropic.com {} roles=security\n",
            public(&k.alice),
            public(&k.mallory)
        ),
    );
    r.commit("charter");
    r.git(&["tag", "base"]);
    r.git(&["config", "gpg.format", "ssh"]);
    as_user(&r, "alice@example.com", &k.alice);
    signed_commit(&r, "core/a.rs", "a\n", "a");
    assert_eq!(
        r.charter(&["approve", "HEAD", "--role", "security"]).code,
        0
    );
    as_user(&r, "noreply@anthropic.com", &k.mallory);
    assert_eq!(
        r.charter(&["approve", "HEAD", "--role", "security"]).code,
        0
    );
    let ci = r.charter(&["ci", "--range", "base..HEAD"]);
    assert_eq!(ci.code, 1, "{}", ci.all());
    assert!(
        ci.stdout
            .contains("alice@example.com (the commit's author)"),
        "{}",
        ci.stdout
    );
    assert!(
        ci.stdout.contains("noreply@anthropic.com (an AI identity)"),
        "{}",
        ci.stdout
    );
}

/// A key whose allowed-signers entry expired before the approval was signed does not count.
#[test]
fn an_approval_by_an_expired_key_is_rejected() {
    if !have_ssh_keygen("an_approval_by_an_expired_key_is_rejected") {
        return;
    }
    let k = keys();
    let r = Repo::new();
    r.add(
        ".charter/charter.yaml",
        "tiers:\n  critical:\n    paths: [\"core/**\"]\n    review: {count: 0}\n    approvals: {count: 1, always: true}\n",
    );
    r.add(
        ".charter/allowed_signers",
        format!(
            "sec@example.com valid-before=\"20200101\" {}\n",
            public(&k.sec)
        ),
    );
    r.commit("charter");
    r.git(&["tag", "base"]);
    r.add("core/a.rs", "a\n");
    r.commit("a");
    as_user(&r, "sec@example.com", &k.sec);
    let a = r.charter(&["approve", "HEAD"]);
    assert_eq!(a.code, 2, "{}", a.all());
    assert!(a.stderr.contains("expired"), "{}", a.stderr);
    // A work tree whose file still lists the key (a stale clone) lets `approve` store it; ci reads
    // the base commit's file and names the reason.
    r.write(
        ".charter/allowed_signers",
        format!("sec@example.com {}\n", public(&k.sec)),
    );
    let a = r.charter(&["approve", "HEAD"]);
    assert_eq!(a.code, 0, "{}", a.all());
    r.git(&["checkout", "--", ".charter/allowed_signers"]);
    let ci = r.charter(&["ci", "--range", "base..HEAD"]);
    assert_eq!(ci.code, 1, "{}", ci.all());
    assert!(ci.stdout.contains("found 0"), "{}", ci.stdout);
    assert!(
        ci.stdout.contains("sec@example.com (expired)"),
        "{}",
        ci.stdout
    );
}

/// A git-ai note that attributes lines to an AI makes the commit AI-assisted: without a
/// disclosure it is denied like one with an AI co-author trailer.
const GIT_AI_NOTE: &str = "\
src/lib.rs
  a1b2c3d4e5f60718 1-3,7
---
{\"schema_version\": \"authorship/3.0.0\", \"prompts\": {\"a1b2c3d4e5f60718\": {\"agent_id\": {\"tool\": \"claude\", \"id\": \"sess-1\", \"model\": \"claude-sonnet-4-5-20250929\"}, \"human_author\": \"Test Person <test@example.com>\", \"accepted_lines\": 4, \"overriden_lines\": 0}}}
";

fn note(r: &Repo, notes_ref: &str, text: &str) {
    let out = Command::new("git")
        .args(["notes", "--ref", notes_ref, "add", "-f", "-m", text, "HEAD"])
        .current_dir(r.path())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_git_ai_note_is_ai_evidence_and_needs_a_disclosure() {
    let r = Repo::new();
    r.add("README.md", "x\n");
    r.commit("init");
    r.add(
        "src/lib.rs",
        "fn a() {}\nfn b() {}\nfn c() {}\n\n\n\nfn d() {}\n",
    );
    r.commit("add functions");
    note(&r, "refs/notes/ai", GIT_AI_NOTE);
    let ci = r.charter(&["ci", "--range", "HEAD~1..HEAD", "--format", "json"]);
    assert_eq!(ci.code, 1, "{}", ci.all());
    assert!(ci.stdout.contains("CH-AI-001"), "{}", ci.stdout);
    assert!(
        ci.stdout.contains("claude-code:claude-sonnet-4-5-20250929"),
        "{}",
        ci.stdout
    );

    // Disclosed with the undated model name: passes, no mismatch.
    r.git(&[
        "commit",
        "-q",
        "--amend",
        "--no-verify",
        "-m",
        "add functions\n\nAssisted-by: claude-code:claude-sonnet-4-5",
    ]);
    note(&r, "refs/notes/ai", GIT_AI_NOTE);
    let ci = r.charter(&["ci", "--range", "HEAD~1..HEAD", "--format", "json"]);
    assert_eq!(ci.code, 0, "{}", ci.all());
    assert!(!ci.stdout.contains("CH-PROV-002"), "{}", ci.stdout);

    // Disclosed as another tool: a warning names what the records show.
    r.git(&[
        "commit",
        "-q",
        "--amend",
        "--no-verify",
        "-m",
        "add functions\n\nAssisted-by: cursor:gpt-4o",
    ]);
    note(&r, "refs/notes/ai", GIT_AI_NOTE);
    let ci = r.charter(&["ci", "--range", "HEAD~1..HEAD"]);
    assert_eq!(ci.code, 0, "{}", ci.all());
    assert!(ci.stdout.contains("CH-PROV-002"), "{}", ci.stdout);
    assert!(
        ci.stdout
            .contains("4 line(s) to claude-code:claude-sonnet-4-5-20250929"),
        "{}",
        ci.stdout
    );

    // A note that does not parse is reported, never fatal.
    note(&r, "refs/notes/ai", "src/lib.rs\n  abc 9-2\n---\n{}\n");
    let ci = r.charter(&["ci", "--range", "HEAD~1..HEAD"]);
    assert_eq!(ci.code, 0, "{}", ci.all());
    assert!(ci.stdout.contains("CH-PROV-001"), "{}", ci.stdout);
}

/// Agent Trace records committed with the change are read by the commit-msg hook and by ci alike.
#[test]
fn an_agent_trace_record_in_the_change_is_judged_the_same_in_the_hook_and_in_ci() {
    let r = Repo::new();
    r.add("README.md", "x\n");
    r.commit("init");
    r.git(&["tag", "base"]);
    assert_eq!(r.charter(&["install"]).code, 0);
    r.write("app/main.py", "print('hello')\nprint('world')\n");
    r.write(
        ".agent-trace/2026-12-07-a.json",
        r#"{"version": "0.1.0", "id": "0b0e7a52-1111-4c3b-9d55-3f9e2b1c0a01", "timestamp": "2026-12-07T10:00:00Z",
"tool": {"name": "opencode", "version": "1.0"},
"files": [{"path": "app/main.py", "conversations": [{"contributor": {"type": "ai", "model_id": "anthropic/claude-opus-4-5"},
"ranges": [{"start_line": 1, "end_line": 2}]}]}]}"#,
    );
    r.git(&["add", "-A"]);
    let out = r.git_with_hooks(&["commit", "-q", "-m", "print things"]);
    let stderr =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains("CH-AI-001"), "{stderr}");
    assert!(stderr.contains("claude-opus-4-5"), "{stderr}");
    r.commit("print things");
    let ci = r.charter(&["ci", "--range", "base..HEAD"]);
    assert_eq!(ci.code, 1, "{}", ci.all());
    assert!(ci.stdout.contains("CH-AI-001"), "{}", ci.stdout);
}

#[test]
fn attest_writes_a_record_without_secrets_and_log_queries_it() {
    let r = Repo::new();
    r.add("README.md", "x\n");
    r.commit("init");
    let secret = format!("aws_access_key_id = {}\n", common::aws_key_id());
    r.add("config.ini", &secret);
    r.commit("add config\n\nAssisted-by: claude-code:claude-opus-4-5");
    let a = r.charter(&["attest", "HEAD", "HEAD~1"]);
    assert_eq!(a.code, 0, "{}", a.all());
    assert!(
        a.stdout
            .contains("2 record(s) written to refs/notes/charter"),
        "{}",
        a.stdout
    );
    let note = r.git(&["notes", "--ref", "charter", "show", "HEAD"]);
    assert!(!note.contains(&common::aws_key_id()), "{note}");
    let rec: serde_json::Value = serde_json::from_str(&note).unwrap();
    assert_eq!(rec["schema"], "git-charter/attestation");
    assert_eq!(rec["schema_version"], 1);
    assert_eq!(rec["verdict"], "deny");
    let denied = rec["stages"]["pre-commit"]["denied"].as_array().unwrap();
    assert!(denied.iter().any(|d| d == "CH-SECRET-001"), "{note}");
    // CH-AI-001 judges messages only: the pre-commit stage has no verdict of it.
    assert_eq!(rec["stages"]["pre-commit"]["verdict"], "deny");
    assert_eq!(rec["scan"]["findings"], 1);
    assert_eq!(rec["disclosure"]["disclosed"], true);
    assert!(
        rec["charter_digest"]
            .as_str()
            .unwrap()
            .starts_with("sha256:")
    );
    assert!(
        rec["policy_digest"]
            .as_str()
            .unwrap()
            .starts_with("sha256:")
    );

    let log = r.charter(&["log", "--verdict", "deny", "--format", "json"]);
    assert_eq!(log.code, 0, "{}", log.all());
    let records: serde_json::Value = serde_json::from_str(&log.stdout).unwrap();
    assert_eq!(records.as_array().unwrap().len(), 1, "{}", log.stdout);
    let log = r.charter(&["log", "config.ini"]);
    assert!(log.stdout.contains("deny"), "{}", log.stdout);
    let log = r.charter(&["log", "--tool", "cursor"]);
    assert!(log.stdout.contains("no records match"), "{}", log.stdout);
    let log = r.charter(&["log", "README.md"]);
    assert_eq!(log.stdout.lines().count(), 2, "{}", log.stdout);
    // The branch did not move.
    assert_eq!(r.git(&["log", "--format=%s", "-1"]).trim(), "add config");
}

#[test]
fn the_post_commit_hook_attests_when_the_charter_says_so_and_ci_attest_writes_the_range() {
    let r = Repo::new();
    r.add(".charter/charter.yaml", "provenance:\n  attest: true\n");
    r.commit("charter");
    let i = r.charter(&["install"]);
    assert_eq!(i.code, 0, "{}", i.all());
    assert!(
        r.path().join(".git/hooks/post-commit").exists(),
        "{}",
        i.all()
    );
    r.add("a.txt", "a\n");
    let out = r.git_with_hooks(&["commit", "-q", "-m", "a"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let note = r.git(&["notes", "--ref", "charter", "show", "HEAD"]);
    assert!(note.contains("\"verdict\": \"pass\""), "{note}");

    r.add("b.txt", "b\n");
    r.commit("b");
    let ci = r.charter(&["ci", "--range", "HEAD~1..HEAD", "--attest"]);
    assert_eq!(ci.code, 0, "{}", ci.all());
    let note = r.git(&["notes", "--ref", "charter", "show", "HEAD"]);
    assert!(note.contains("git-charter/attestation"), "{note}");
}

/// Notes are files anyone with push access writes: a secret in a git-ai note's model name, or in a
/// record someone else put in refs/notes/charter, is redacted wherever it is shown.
#[test]
fn secrets_in_notes_never_reach_any_output() {
    let key = common::aws_key_id();
    // Model names are lower-cased when normalised: the key must not pass that way either.
    let lower = key.to_lowercase();
    let r = Repo::new();
    r.add("README.md", "x\n");
    r.commit("init");
    r.add("src/lib.rs", "fn a() {}\n");
    r.commit("add a");
    let hostile = GIT_AI_NOTE.replace("claude-sonnet-4-5-20250929", &key);
    note(&r, "refs/notes/ai", &hostile);
    for format in ["console", "json", "sarif"] {
        let ci = r.charter(&["ci", "--range", "HEAD~1..HEAD", "--format", format]);
        assert_eq!(ci.code, 1, "{}", ci.all());
        assert!(!ci.all().contains(&key), "{format}: {}", ci.all());
        assert!(!ci.all().contains(&lower), "{format}: {}", ci.all());
    }
    let rec = r.charter(&["attest", "--format", "json", "HEAD"]);
    assert_eq!(rec.code, 0, "{}", rec.all());
    assert!(!rec.all().contains(&key), "{}", rec.all());
    assert!(!rec.all().contains(&lower), "{}", rec.all());
    let written = r.git(&["notes", "--ref", "charter", "show", "HEAD"]);
    assert!(!written.contains(&key), "{written}");

    // A record forged by hand, with the key in a path.
    let forged = written.replace("src/lib.rs", &format!("src/{key}.rs"));
    note(&r, "refs/notes/charter", &forged);
    let log = r.charter(&["log", "--format", "json"]);
    assert_eq!(log.code, 0, "{}", log.all());
    assert!(log.stdout.contains("src/"), "{}", log.stdout);
    assert!(!log.all().contains(&key), "{}", log.all());
    let log = r.charter(&["log"]);
    assert!(!log.all().contains(&key), "{}", log.all());
}

/// The payload as docs/provenance.md specifies it, rebuilt from a stored approval and signed with
/// `ssh-keygen` directly: in the `git-charter` namespace it counts (the documented format is the
/// implemented one); in git's own namespace it is rejected as `wrong-namespace`.
#[test]
fn the_documented_payload_verifies_and_another_namespace_does_not() {
    if !have_ssh_keygen("the_documented_payload_verifies_and_another_namespace_does_not") {
        return;
    }
    let k = keys();
    let r = dual_signoff_repo(&k);
    as_user(&r, "alice@example.com", &k.alice);
    signed_commit(&r, "core/a.rs", "a\n", "a");
    let head = r.git(&["rev-parse", "HEAD"]).trim().to_string();
    let tree = r.git(&["rev-parse", "HEAD^{tree}"]).trim().to_string();
    let parent = r.git(&["rev-parse", "HEAD~1"]).trim().to_string();
    let timestamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let payload = format!(
        "git-charter approval v1\ncommit {head}\ntree {tree}\nparent {parent}\nsigner sec@example.com\nrole security\ntimestamp {timestamp}\n"
    );
    let sign = |namespace: &str| -> String {
        let mut child = Command::new("ssh-keygen")
            .args(["-q", "-Y", "sign", "-n", namespace, "-f"])
            .arg(&k.sec)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(payload.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let line = |signature: String| {
        serde_json::json!({
            "version": 1, "commit": head, "tree": tree, "parents": [parent],
            "signer": "sec@example.com", "role": "security", "timestamp": timestamp,
            "signature": signature,
        })
        .to_string()
    };
    note(&r, "refs/notes/charter-approvals", &line(sign("git")));
    let ci = r.charter(&["ci", "--range", "base..HEAD"]);
    assert_eq!(ci.code, 1, "{}", ci.all());
    assert!(
        ci.stdout.contains("sec@example.com (wrong-namespace)"),
        "{}",
        ci.stdout
    );
    note(
        &r,
        "refs/notes/charter-approvals",
        &line(sign("git-charter")),
    );
    let ci = r.charter(&["ci", "--range", "base..HEAD"]);
    assert_eq!(ci.code, 0, "{}", ci.all());
}
