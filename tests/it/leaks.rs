//! Nothing leaks, by construction: every built-in secret rule's positive examples are planted into
//! every user-controlled field (file content, file path, commit message, author and committer name
//! and e-mail, branch and pushed ref names), every judging command runs in every format, and every
//! stdout, stderr and written file is searched for any full secret. The secrets searched for are
//! exact: the bytes the scanner itself reports as the secret of each example.

use crate::api::secrets::{LineMap, Scanner, SecretsConfig, builtin_rules};
use crate::common::*;
use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};

const FORMATS: [&str; 4] = ["console", "json", "sarif", "github"];

/// Secrets shorter than this are not searched for: they would match ordinary output by chance.
const MIN_NEEDLE: usize = 8;

/// One positive example and the exact secrets the scanner finds in it.
struct Planted {
    rule: String,
    example: String,
    secrets: Vec<String>,
}

fn examples() -> Vec<Planted> {
    let scanner = Scanner::new(&SecretsConfig::default(), &[]).expect("built-in rules compile");
    let mut out = Vec::new();
    for (_, rule) in builtin_rules().expect("built-in rules load") {
        for ex in &rule.examples {
            let mut found = Vec::new();
            scanner.scan(
                "src/config.txt",
                ex.as_bytes(),
                LineMap::Contiguous { first: 1 },
                &mut found,
            );
            let secrets: BTreeSet<String> = found
                .iter()
                .flat_map(|f| f.spans.iter())
                .filter_map(|&(s, e)| ex.get(s..e))
                .map(str::to_string)
                .collect();
            out.push(Planted {
                rule: rule.id.clone(),
                example: ex.clone(),
                secrets: secrets.into_iter().collect(),
            });
        }
    }
    out
}

/// What to search each output for: every secret, its JSON-escaped form, and each long line of a
/// multi-line secret (a PEM body printed line by line).
fn needles(planted: &[Planted]) -> Vec<(String, String)> {
    let mut out = BTreeSet::new();
    for p in planted {
        for s in &p.secrets {
            let json = serde_json::to_string(s).unwrap();
            let json = json[1..json.len() - 1].to_string();
            for n in [s.clone(), json] {
                if n.len() >= MIN_NEEDLE {
                    out.insert((n, p.rule.clone()));
                }
            }
            for line in s.lines().filter(|l| l.trim().len() >= 20) {
                out.insert((line.trim().to_string(), p.rule.clone()));
            }
        }
    }
    out.into_iter().collect()
}

/// Whether an example can be a path component. A `/` would split it into directories (and a
/// leading, trailing or doubled one is no path); NUL ends a path in every OS interface; a name over
/// 255 bytes is refused by the file system; a newline or carriage return git can store, but a
/// multi-line example is a PEM block whose body holds `/` anyway.
fn path_component(ex: &str) -> Result<(), &'static str> {
    if ex.contains('/') {
        return Err("contains `/`: it would be directories, not one component");
    }
    if ex.contains('\0') {
        return Err("contains NUL, which no path can");
    }
    if ex.len() > 200 {
        return Err("longer than a file name may be (255 bytes, with room for a prefix)");
    }
    if ex.contains(['\n', '\r']) {
        return Err("multi-line");
    }
    if ex == "." || ex == ".." || ex.trim().is_empty() {
        return Err("not a file name");
    }
    Ok(())
}

/// Whether an example can be an identity as git records it: git drops newlines, `<` and `>` from
/// names and e-mails, so a multi-line example cannot be one (the other two are dropped and the
/// secret, which holds neither, stays).
fn identity_part(ex: &str) -> Result<(), &'static str> {
    if ex.contains(['\n', '\r', '\0']) {
        return Err("multi-line: git keeps identities on one line");
    }
    Ok(())
}

/// Whether an example is a valid branch name as it is (`git check-ref-format --branch`): most are
/// not (spaces, `:`), and a ref name cannot be changed into one without changing the example.
fn ref_name(r: &Repo, ex: &str) -> bool {
    let ok = git_in(r.path(), &["check-ref-format", "--branch", ex]);
    ok.status.success() && String::from_utf8_lossy(&ok.stdout).trim() == ex
}

/// `git-charter ARGS` with `stdin`.
fn charter_with_stdin(r: &Repo, args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(r.path())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("NO_COLOR", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .env_remove("PRE_COMMIT")
        .env_remove("PRE_COMMIT_FROM_REF")
        .env_remove("PRE_COMMIT_TO_REF")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

struct Outputs(Vec<(String, String)>);

impl Outputs {
    fn push(&mut self, what: impl Into<String>, run: &Run) {
        self.0.push((what.into(), run.all()));
    }

    fn leaks(&self, needles: &[(String, String)]) -> Vec<String> {
        let mut leaks = Vec::new();
        for (what, out) in &self.0 {
            for (n, rule) in needles {
                if out.contains(n.as_str()) {
                    leaks.push(format!("{what}: {rule}: {n}"));
                }
            }
        }
        leaks
    }
}

/// Every example in every field, every command in every format: no full secret anywhere.
#[test]
fn no_output_of_any_command_holds_a_full_secret_from_any_field() {
    let planted = examples();
    let needles = needles(&planted);
    let with_secret = planted.iter().filter(|p| !p.secrets.is_empty()).count();
    assert!(
        with_secret > 200 && with_secret == planted.len(),
        "{with_secret} of {} examples give a secret: too few to make this test meaningful",
        planted.len()
    );
    let r = Repo::new();
    r.add("README.md", "clean\n");
    // Hundreds of findings in one document: an unoptimised build needs more than the default
    // budget to judge them (this test is about what is printed, not about time).
    r.add(
        ".charter/charter.yaml",
        "limits:\n  policy_timeout_ms: 120000\n",
    );
    r.commit("base");
    let base = r.git(&["rev-parse", "HEAD"]).trim().to_string();

    // Content: every example in one file, apart enough not to pair across examples.
    let body: String = planted
        .iter()
        .map(|p| format!("{}\n\n\n\n\n\n", p.example))
        .collect();
    r.add("config/all_examples.env", &body);
    // Paths: one file per example that can be a path component.
    let mut in_paths = 0;
    for (i, p) in planted.iter().enumerate() {
        if path_component(&p.example).is_ok() {
            r.add(&format!("p{i}/{}", p.example), "x\n");
            in_paths += 1;
        }
    }
    assert!(in_paths > 150, "only {in_paths} examples planted in paths");
    // Identities: the one-line examples in four groups, one per field, rotated so that every
    // example is in every field in one of four runs (hooks read the configuration; commits store
    // it). Four groups rather than one string of all: a field is one line, and the whole list
    // on one line would make each scan slow without testing more.
    // An example whose rule matches only at the start of a line (`#define KEY "…"`, `ENV KEY …`)
    // is found in an identity that is just that example, not after another one: such examples
    // open a group each, so that every one of them starts every field in one rotation.
    let scanner = Scanner::new(&SecretsConfig::default(), &[]).unwrap();
    let found_mid_line = |ex: &str| {
        let mut out = Vec::new();
        let text = format!("x   {ex}");
        scanner.scan(
            "src/config.txt",
            text.as_bytes(),
            LineMap::Contiguous { first: 1 },
            &mut out,
        );
        !out.is_empty()
    };
    let (mid, anchored): (Vec<&str>, Vec<&str>) = planted
        .iter()
        .filter(|p| identity_part(&p.example).is_ok())
        .map(|p| p.example.as_str())
        .partition(|ex| found_mid_line(ex));
    assert!(anchored.len() <= 4, "{anchored:?}");
    let mut groups: Vec<Vec<&str>> = vec![Vec::new(); 4];
    for (i, ex) in anchored.iter().enumerate() {
        groups[i].push(ex);
    }
    for (i, ex) in mid.iter().enumerate() {
        groups[i % 4].push(ex);
    }
    let groups: Vec<String> = groups.iter().map(|g| g.join("   ")).collect();
    let rotate = |k: usize| {
        for (i, key) in [
            "author.name",
            "author.email",
            "committer.name",
            "committer.email",
        ]
        .iter()
        .enumerate()
        {
            r.git(&["config", key, &groups[(i + k) % 4]]);
        }
    };
    rotate(0);
    // The branch: the first example that is a valid branch name (HEAD's branch is in the input).
    let refs: Vec<&str> = planted
        .iter()
        .map(|p| p.example.as_str())
        .filter(|ex| ref_name(&r, ex))
        .collect();
    assert!(!refs.is_empty(), "no example is a valid branch name");
    r.git(&["checkout", "-q", "-b", refs[0]]);
    // The message: every example, a paragraph each.
    let message = format!(
        "Add everything\n\n{}\n",
        planted
            .iter()
            .map(|p| p.example.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    );
    let msg_file = r.write(".git/COMMIT_EDITMSG", &message);
    let msg_file = msg_file.to_str().unwrap().to_string();

    let mut outputs = Outputs(Vec::new());
    // commit-msg judges the index and the message, so it runs in every format; pre-commit (the
    // index alone, the same facts) and pre-push (the same commits as ci) in two each, to keep this
    // test within CI's time.
    for (k, format) in FORMATS.iter().enumerate() {
        rotate(k);
        if k % 2 == 0 {
            let run = r.charter(&["pre-commit", "--format", format]);
            assert_eq!(run.code, 1, "pre-commit --format {format}: {}", run.stderr);
            outputs.push(format!("pre-commit --format {format}"), &run);
        }
        let run = r.charter(&["commit-msg", &msg_file, "--format", format]);
        assert_eq!(run.code, 1, "commit-msg --format {format}: {}", run.stderr);
        outputs.push(format!("commit-msg --format {format}"), &run);
        let run = r.charter(&["input", "--stage", "commit-msg", &msg_file]);
        assert_eq!(run.code, 0, "input: {}", run.stderr);
        outputs.push(
            format!("input --stage commit-msg, identities rotated {k}"),
            &run,
        );
    }
    let run = r.charter(&["input", "--stage", "pre-commit"]);
    assert_eq!(run.code, 0, "input: {}", run.stderr);
    outputs.push("input --stage pre-commit", &run);

    // History: four commits, the identities rotated, the message in each; judged by ci and
    // pre-push.
    r.git(&["commit", "-q", "--no-verify", "-F", &msg_file]);
    for k in 1..4 {
        rotate(k);
        r.write("README.md", format!("clean {k}\n"));
        r.git(&["commit", "-q", "--no-verify", "-a", "-F", &msg_file]);
    }
    let head = r.git(&["rev-parse", "HEAD"]).trim().to_string();
    // Every pushable example as a pushed ref name, on both sides of the line.
    let push_lines: String = refs
        .iter()
        .map(|name| format!("refs/heads/{name} {head} refs/heads/{name} {base}\n"))
        .collect();
    let range = format!("{base}..HEAD");
    for format in &FORMATS {
        let run = r.charter(&["ci", "--range", &range, "--format", format]);
        assert_eq!(run.code, 1, "ci --format {format}: {}", run.all());
        outputs.push(format!("ci --format {format}"), &run);
        if *format == "json" || *format == "github" {
            let run = charter_with_stdin(
                &r,
                &["pre-push", "origin", "file:///x", "--format", format],
                &push_lines,
            );
            assert_eq!(run.code, 1, "pre-push --format {format}: {}", run.all());
            outputs.push(format!("pre-push --format {format}"), &run);
        }
        let run = r.charter(&["scan", "--format", format]);
        assert_eq!(run.code, 1, "scan --format {format}: {}", run.all());
        outputs.push(format!("scan --format {format}"), &run);
    }
    let run = r.charter(&["baseline"]);
    assert_eq!(run.code, 0, "{}", run.all());
    outputs.push("baseline", &run);
    let written = std::fs::read_to_string(r.path().join(".charter/baseline.json")).unwrap();
    outputs.0.push(("baseline.json".into(), written));
    let run = r.charter(&["scan", "--format", "json"]);
    outputs.push("scan after baseline", &run);

    // Errors that quote what the user or the repository named.
    let secret = planted
        .iter()
        .find(|p| p.rule == "github-pat")
        .map(|p| p.secrets[0].clone())
        .unwrap();
    for args in [
        vec![
            "ci".to_string(),
            "--range".into(),
            format!("{secret}..HEAD"),
        ],
        vec!["ci".to_string(), "--base".into(), secret.clone()],
        vec!["scan".to_string(), format!("missing/{secret}.key")],
        vec!["commit-msg".to_string(), format!("missing-{secret}")],
        vec![
            "input".to_string(),
            "--stage".into(),
            "pre-commit".into(),
            format!("{secret}.txt"),
        ],
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = r.charter(&args);
        assert_eq!(
            run.code,
            2,
            "{args:?} must fail as a usage error: {}",
            run.all()
        );
        outputs.push(format!("error: {}", args[0]), &run);
    }
    let run = charter_with_stdin(
        &r,
        &["pre-push"],
        &format!("refs/heads/{secret} {head} refs/heads/{secret}\n"),
    );
    assert_eq!(run.code, 2, "{}", run.all());
    outputs.push("error: pre-push line", &run);

    let leaks = outputs.leaks(&needles);
    assert!(
        leaks.is_empty(),
        "{} full secrets in output:\n{}",
        leaks.len(),
        leaks.join("\n")
    );
}

/// A token as a file name passed every format in full; it is denied, located on the path, and
/// printed redacted.
#[test]
fn a_secret_in_a_file_path_is_denied_on_the_path_and_redacted() {
    let token = format!("ghp_{}{}", "mPDua3BESypQLw3qAMPG", "xdISdQL3Lr1re7XS");
    let r = Repo::new();
    r.add(&format!("config/{token}.key"), "nothing secret\n");
    let doc = r.input();
    let file = &doc["files"][0];
    let path = file["path"].as_str().unwrap();
    assert!(
        path.starts_with("config/ghp_") && path.ends_with(".key"),
        "{doc:#}"
    );
    assert!(!doc.to_string().contains(&token[8..]), "{doc:#}");
    let f = &file["findings"][0];
    assert_eq!(
        (
            f["rule_id"].as_str(),
            f["path"].as_str(),
            f["line"].as_u64()
        ),
        (Some("github-pat"), Some(path), Some(0)),
        "{doc:#}"
    );
    for format in FORMATS {
        let run = r.charter(&["pre-commit", "--format", format]);
        assert_eq!(run.code, 1, "{format}: {}", run.all());
        assert!(
            run.all().contains("github-pat in the file path"),
            "{format}: {}",
            run.all()
        );
        assert!(!run.all().contains(&token[8..]), "{format}: {}", run.all());
    }
    // A rename away from it is not denied again (the path is already in history), but the old path
    // is printed redacted.
    r.commit("leak");
    r.git(&["mv", &format!("config/{token}.key"), "config/clean.key"]);
    let doc = r.input();
    assert_eq!(doc["findings"].as_array().unwrap().len(), 0, "{doc:#}");
    let old = doc["files"][0]["old_path"].as_str().unwrap();
    assert!(
        old.starts_with("config/ghp_") && !old.contains(&token[8..]),
        "{doc:#}"
    );
    assert_eq!(r.charter(&["pre-commit"]).code, 0);
}

/// Identities were never scanned: a token in user.email passed and was printed by every policy
/// quoting the identity.
#[test]
fn a_secret_in_an_identity_is_denied_and_redacted() {
    let token = format!("glpat-{}", "Xq3vT9kLm2Wp8Rz4Yb6N");
    let r = Repo::new();
    r.git(&["config", "user.email", &format!("{token}@example.com")]);
    r.add("a.txt", "fine\n");
    let run = r.charter(&["pre-commit", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stdout.contains("in the author email") && run.stdout.contains("in the committer email"),
        "{}",
        run.stdout
    );
    assert!(!run.all().contains(&token), "{}", run.all());
    let doc = r.input();
    assert!(!doc.to_string().contains(&token), "{doc:#}");
}

/// The ref names a push sends were never scanned: a branch named after a token was published
/// without a word. It is denied once (with the first commit pushed), named redacted.
#[test]
fn a_secret_in_a_pushed_ref_name_is_denied_once() {
    let token = format!("ghp_{}{}", "mPDua3BESypQLw3qAMPG", "xdISdQL3Lr1re7XS");
    let r = Repo::new();
    r.add("a.txt", "one\n");
    r.commit("one");
    r.add("b.txt", "two\n");
    r.commit("two");
    let head = r.git(&["rev-parse", "HEAD"]).trim().to_string();
    let zero = "0".repeat(40);
    let line = format!("refs/heads/{token} {head} refs/heads/{token} {zero}\n");
    let run = charter_with_stdin(&r, &["pre-push", "--format", "json"], &line);
    assert_eq!(run.code, 1, "{}", run.all());
    assert_eq!(
        run.stdout.matches("github-pat in the ref name").count(),
        1,
        "{}",
        run.stdout
    );
    assert!(!run.all().contains(&token[8..]), "{}", run.all());
    // The same commits under a clean name pass.
    let line = format!("refs/heads/main {head} refs/heads/main {zero}\n");
    let run = charter_with_stdin(&r, &["pre-push"], &line);
    assert_eq!(run.code, 0, "{}", run.all());
}

/// Errors quote what they could not use (a revision, a charter value): the text is redacted as the
/// last step before printing, and the exit code stays the error's own.
#[test]
fn an_error_quoting_a_secret_prints_it_redacted_with_its_exit_code() {
    let token = format!("ghp_{}{}", "mPDua3BESypQLw3qAMPG", "xdISdQL3Lr1re7XS");
    let r = Repo::new();
    r.add("a.txt", "one\n");
    r.commit("one");
    let run = r.charter(&["ci", "--range", &format!("{token}..HEAD")]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(
        run.stderr.contains("unknown revision `ghp_"),
        "{}",
        run.stderr
    );
    assert!(!run.all().contains(&token[8..]), "{}", run.all());
    r.write(
        ".charter/charter.yaml",
        format!("limits:\n  max_file_size: {token}\n"),
    );
    let run = r.charter(&["pre-commit"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(run.stderr.contains("charter.yaml:2"), "{}", run.stderr);
    assert!(!run.all().contains(&token[8..]), "{}", run.all());
}

/// Found by fuzz/commit_msg: a database password that spells a key of the input document
/// (`skipped_binary`, a field of the stats) is the message's secret only. It is redacted from the
/// message and the document keeps its own key (the harness had taken the key for a leak).
#[test]
fn a_password_spelling_a_key_of_the_input_document_is_redacted_from_the_message_only() {
    let r = Repo::new();
    let msg = "Add the report job\n\nsqlplus -s system/skipped_binary@//db-host:1521/ORCL\n";
    r.write(".git/CHARTER_TEST_MSG", msg);
    let run = r.charter(&["input", "--stage", "commit-msg", ".git/CHARTER_TEST_MSG"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("input is JSON");
    let message = doc["commit"]["message"].as_str().expect("a message");
    assert!(
        message.contains("sqlplus -s system/") && !message.contains("skipped_binary"),
        "{message}"
    );
    let findings = doc["commit"]["findings"].as_array().expect("findings");
    assert!(
        findings.iter().any(|f| f["path"] == "<commit message>"),
        "{doc:#}"
    );
    assert!(doc["stats"].get("skipped_binary").is_some(), "{doc:#}");
}

/// Found by fuzz/content: a password that spells another finding's fingerprint tail (a path and
/// the 16 hex digits of its token's hash) is redacted from everything of its own file; the other
/// finding's fingerprint keeps its digest, which is generated text (the harness had taken that
/// fingerprint for a leak of the password).
#[test]
fn a_password_spelling_another_findings_fingerprint_is_redacted_and_the_fingerprint_kept() {
    let r = Repo::new();
    let token = "--token d3qtah.iukdyws5nv3ds7or";
    r.add("join.sh", format!("kubeadm join 10.0.0.10:6443 {token}\n"));
    let run = r.charter(&["input", "--stage", "pre-commit"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("input is JSON");
    let fingerprint = doc["files"][0]["findings"][0]["fingerprint"]
        .as_str()
        .expect("the token is found")
        .to_string();
    let (_, tail) = fingerprint.split_once(':').expect("rule:path:digest");
    assert!(
        tail.starts_with("join.sh:") && tail.len() == 24,
        "{fingerprint}"
    );
    r.add("notes.txt", format!("DB_PASSWORD=\"{tail}\"\n"));
    let run = r.charter(&["input", "--stage", "pre-commit"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("input is JSON");
    let files = doc["files"].as_array().expect("files");
    let notes = files
        .iter()
        .find(|f| f["path"] == "notes.txt")
        .expect("notes.txt");
    let findings = notes["findings"].as_array().expect("findings");
    assert!(!findings.is_empty(), "the password is found: {doc:#}");
    assert!(!notes.to_string().contains(tail), "{notes:#}");
    let join = files
        .iter()
        .find(|f| f["path"] == "join.sh")
        .expect("join.sh");
    assert_eq!(join["findings"][0]["fingerprint"], fingerprint.as_str());
}
