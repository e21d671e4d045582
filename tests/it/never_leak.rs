//! No output format ever contains a full secret: every built-in rule example is staged in a real
//! repository, every judging command runs in every format, and the output is searched for the raw
//! secret-looking tokens of the examples.

use crate::common::*;

/// Tokens of an example that look like secret material: long runs of token characters with both
/// letters and digits. Over-approximates the secret (it also takes surrounding key material).
fn secret_tokens(example: &str) -> Vec<String> {
    let is_tok = |c: char| c.is_ascii_alphanumeric() || "+/=_-.~".contains(c);
    example
        .split(|c: char| !is_tok(c))
        .filter(|t| t.len() >= 16)
        .filter(|t| {
            t.chars().any(|c| c.is_ascii_digit()) && t.chars().any(|c| c.is_ascii_alphabetic())
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn no_format_prints_a_full_secret() {
    let rules = crate::api::secrets::builtin_rules().expect("built-in rules load");
    let r = Repo::new();
    let mut tokens = Vec::new();
    let mut body = String::new();
    for (_, rule) in &rules {
        for ex in &rule.examples {
            body.push_str(ex);
            body.push_str("\n\n\n\n\n\n");
            tokens.extend(secret_tokens(ex));
        }
    }
    tokens.sort();
    tokens.dedup();
    assert!(
        tokens.len() > 100,
        "too few tokens to make this test meaningful: {}",
        tokens.len()
    );
    r.add("config/all_examples.env", &body);

    let mut outputs = Vec::new();
    for format in ["console", "json", "sarif", "github"] {
        let run = r.charter(&["pre-commit", "--format", format]);
        assert_eq!(
            run.code, 1,
            "pre-commit --format {format} must deny: {}",
            run.stderr
        );
        outputs.push((format!("pre-commit --format {format}"), run.all()));
        let run = r.charter(&["scan", "--format", format]);
        assert_eq!(
            run.code, 1,
            "scan --format {format} must deny: {}",
            run.stderr
        );
        outputs.push((format!("scan --format {format}"), run.all()));
    }
    let run = r.charter(&["input", "--stage", "pre-commit"]);
    outputs.push(("input".into(), run.all()));
    let run = r.charter(&["baseline"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let baseline = std::fs::read_to_string(r.path().join(".charter/baseline.json")).unwrap();
    outputs.push(("baseline.json".into(), baseline));

    let mut leaks = Vec::new();
    for (what, out) in &outputs {
        for t in &tokens {
            if out.contains(t.as_str()) {
                leaks.push(format!("{what}: {t}"));
            }
        }
    }
    assert!(
        leaks.is_empty(),
        "raw secrets in output:\n{}",
        leaks.join("\n")
    );
}

#[test]
fn baseline_hides_known_findings_and_reports_new_ones() {
    let r = Repo::new();
    r.add(
        "a.py",
        format!(
            "k = \"{}\"\npassword = \"Zx9qLm2Vb7Tr4Wp1Ks8N\"\n",
            aws_key_id()
        ),
    );
    r.commit("legacy key");
    assert_eq!(r.charter(&["scan"]).code, 1);
    let run = r.charter(&["baseline"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let run = r.charter(&["scan"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout.contains("2 baselined findings hidden"),
        "{}",
        run.stdout
    );
    // Moving the key to another line keeps it baselined: fingerprints do not use line numbers.
    r.write("a.py", format!("# moved\n\nk = \"{}\"\n", aws_key_id()));
    assert_eq!(r.charter(&["scan"]).code, 0);
    // Regression: the baseline file itself (fingerprints read like `password:value`) is not a finding.
    r.git(&["add", ".charter/baseline.json"]);
    let run = r.charter(&["pre-commit"]);
    assert_eq!(run.code, 0, "{}", run.all());
    // A new key is reported.
    r.add("b.py", format!("k2 = \"AKIA{}\"\n", "Q5WB7TZKXN3RL2MD"));
    assert_eq!(r.charter(&["pre-commit"]).code, 1);
}

#[test]
fn a_secret_in_the_commit_message_is_denied_and_redacted_everywhere() {
    let r = Repo::new();
    r.add("a.txt", "a\n");
    let token = format!("glpat-{}", "Xq3vT9kLm2Wp8Rz4Yb6N");
    let msg = r.write(
        "MSG",
        format!("Fix login\n\nDeploy with {token} please\n\nCo-Authored-By: Claude <noreply@anthropic.com> {token}\n"),
    );
    let msg = msg.to_str().unwrap().to_string();
    for format in ["console", "json", "sarif", "github"] {
        let run = r.charter(&["commit-msg", &msg, "--format", format]);
        assert_eq!(run.code, 1, "{format}: {}", run.all());
        assert!(
            run.all().contains("CH-SECRET-001"),
            "{format}: {}",
            run.all()
        );
        assert!(
            !run.all().contains(&token),
            "{format} leaks the token:\n{}",
            run.all()
        );
    }
    let run = r.charter(&["input", "--stage", "commit-msg", &msg]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        !run.stdout.contains(&token),
        "input leaks the token:\n{}",
        run.stdout
    );
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        doc["commit"]["findings"].as_array().unwrap().len(),
        2,
        "{doc:#}"
    );
    // The trailers are still parsed (from the redacted copy).
    assert!(
        doc["commit"]["trailers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["key"] == "Co-Authored-By")
    );
}

/// Commit-message redaction once left the second secret of a line, the secret half of an AWS pair
/// written before its key id, and the rest of a secret after `(`, `,` or `;`: none of them may
/// reach `input`, the console, JSON, SARIF or GitHub annotations.
#[test]
fn commit_message_redaction_covers_every_secret_of_a_line_and_both_halves_of_a_pair() {
    let r = Repo::new();
    r.add("a.txt", "fine\n");
    let id = aws_key_id();
    let id2 = format!("AKIA{}", "Q3EGRTZ5UJKLM7NX");
    let secret = format!("Zztu8dNgA/KSkp9LqtU{}", "hWnyWPEGpDIlWNPdhqwL6");
    let pw = format!("Xk9(q,{};vL2#mZ8rT", "Wn4");
    let msg = format!(
        "Add keys\n\nkeys {id} and {id2} here\naws_secret_access_key = {secret}\naws_access_key_id = {id}\npassword = \"{pw}\"\n"
    );
    let file = r.write(".git/COMMIT_EDITMSG", &msg);
    let file = file.to_str().unwrap();
    let mut outputs = vec![r.charter(&["input", "--stage", "commit-msg", file]).all()];
    for format in ["console", "json", "sarif", "github"] {
        let run = r.charter(&["commit-msg", file, "--format", format]);
        assert_eq!(run.code, 1, "commit-msg --format {format}: {}", run.all());
        outputs.push(run.all());
    }
    for out in &outputs {
        for needle in [&id, &id2, &secret, &pw] {
            let tail = &needle[needle.len() / 2..];
            assert!(!out.contains(tail), "part of {needle} printed:\n{out}");
        }
    }
}

/// A value a rule finds in one file can stand where no rule sees it in another file, on a line an
/// insecure pattern shows in its preview: every command that judges both files together masks it
/// there too (found by the content fuzz target). Without the first file the value is shown,
/// which is what makes this test able to fail.
#[test]
fn a_secret_found_in_one_file_is_masked_in_another_files_preview() {
    let value = format!("q7X!vR2m@kP9{}", ".wL4zT");
    let script = format!("subprocess.call(cmd + \" {value}\", shell=True)\n");
    let alone = Repo::new();
    alone.add("tools/sync.py", &script);
    let run = alone.charter(&["scan", "--format", "json"]);
    assert!(run.stdout.contains(&value), "{}", run.all());

    let r = Repo::new();
    r.add("tools/sync.py", &script);
    r.add("config/app.env", format!("API_SECRET={value}\n"));
    let mut outputs = Vec::new();
    for format in ["console", "json", "sarif", "github"] {
        for args in [vec!["pre-commit"], vec!["scan"]] {
            let run = r.charter(&[args.as_slice(), &["--format", format]].concat());
            assert_eq!(run.code, 1, "{args:?} --format {format}: {}", run.all());
            assert!(run.all().contains("shell-injection"), "{}", run.all());
            outputs.push(run.all());
        }
    }
    outputs.push(r.charter(&["input", "--stage", "pre-commit"]).all());
    r.commit("Add sync");
    let run = r.charter(&["scan", "--history", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.all());
    outputs.push(run.all());
    for out in &outputs {
        assert!(!out.contains(&value), "{out}");
    }
}
