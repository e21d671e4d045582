//! Set-up and policy commands as a new user runs them: init, charter, policy test/check/list, explain, rules.

use crate::common::*;

#[test]
fn init_writes_a_starter_that_passes_its_own_tests_and_never_overwrites() {
    let r = Repo::new();
    let run = r.charter(&["init"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout.contains("pre-commit-config.yaml"),
        "prints the pre-commit snippet: {}",
        run.stdout
    );
    let charter = r.path().join(".charter/charter.yaml");
    let original = std::fs::read_to_string(&charter).unwrap();
    // Regression: the positional DIR of `policy test` was taken for the global `-C` directory.
    let run = r.charter(&["policy", "test", ".charter/policies"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("passed, 0 failed"), "{}", run.stdout);
    let run = r.charter(&["policy", "check", ".charter/policies"]);
    assert_eq!(run.code, 0, "{}", run.all());
    std::fs::write(&charter, "version: 1\n# mine\n").unwrap();
    let run = r.charter(&["init"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("not overwritten"), "{}", run.stdout);
    assert_eq!(
        std::fs::read_to_string(&charter).unwrap(),
        "version: 1\n# mine\n"
    );
    assert_ne!(original, "version: 1\n# mine\n");
}

#[test]
fn starter_charter_is_the_effective_charter_after_init() {
    let r = Repo::new();
    assert_eq!(r.charter(&["init"]).code, 0);
    let run = r.charter(&["charter"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("version: 1"), "{}", run.stdout);
    // Team policies are in force next to the built-ins.
    let run = r.charter(&["policy", "list"]);
    assert!(
        run.stdout.contains("TEAM-EXAMPLE-001") && run.stdout.contains("CH-SECRET-001"),
        "{}",
        run.stdout
    );
}

#[test]
fn failing_policy_test_exits_1_and_names_the_test() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.rego"),
        "package team.p\n\ndeny contains \"x\" if { input.x }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("p_test.rego"),
        "package team.p_test\n\nimport data.team.p\n\ntest_denies if { count(p.deny) == 1 with input as {\"x\": true} }\n\ntest_wrong if { count(p.deny) == 1 with input as {\"x\": false} }\n",
    )
    .unwrap();
    let run = run_in(dir.path(), &["policy", "test", "."]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stdout.contains("PASS  team.p_test.test_denies"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("FAIL  team.p_test.test_wrong"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("1 passed, 1 failed"), "{}", run.stdout);
    // And policy check reports the missing METADATA.
    let run = run_in(dir.path(), &["policy", "check", "."]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stdout.contains("no custom.id"), "{}", run.stdout);
}

#[test]
fn policy_test_coverage_names_the_lines_no_test_reached_and_gates_on_a_minimum() {
    let dir = tempfile::tempdir().unwrap();
    // Line 5's rule is tested; the rule on lines 7-10 is evaluated up to its first condition
    // (line 8, undefined for every test input) and never produces its message.
    std::fs::write(
        dir.path().join("p.rego"),
        "package team.p\n\nimport rego.v1\n\ndeny contains \"x\" if input.x\n\ndeny contains msg if {\n\tinput.y\n\tmsg := \"y\"\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("p_test.rego"),
        "package team.p_test\n\nimport data.team.p\n\ntest_x if { count(p.deny) == 1 with input as {\"x\": true} }\n\ntest_other if { true }\n",
    )
    .unwrap();
    let run = run_in(dir.path(), &["policy", "test", ".", "--coverage"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("p.rego") && l.contains('%'))
        .unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(line.contains("50.0%  not covered: 7, 9"), "{line}");
    assert!(!line.contains("./"), "{line}");
    let run = run_in(dir.path(), &["policy", "test", ".", "--min-coverage", "90"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stderr.contains("under --min-coverage 90%"),
        "{}",
        run.all()
    );
    let run = run_in(
        dir.path(),
        &["policy", "test", ".", "--min-coverage", "50%"],
    );
    assert_eq!(run.code, 0, "{}", run.all());

    // JSON: the same lines, per file.
    let run = run_in(
        dir.path(),
        &["policy", "test", ".", "--coverage", "--format", "json"],
    );
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let file = &doc["coverage"]["files"][0];
    assert!(file["path"].as_str().unwrap().ends_with("p.rego"), "{doc}");
    assert_eq!(file["not_covered"], serde_json::json!([7, 9]), "{doc}");
    assert!(
        file["covered"].as_array().unwrap().contains(&5.into()),
        "{doc}"
    );

    // --run selects by package.name; JUnit XML parses and counts what ran.
    let run = run_in(
        dir.path(),
        &[
            "policy",
            "test",
            ".",
            "--run",
            "p_test\\.test_x$",
            "--format",
            "junit",
            "--coverage",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.all());
    let xml = dir.path().join("out.xml");
    std::fs::write(&xml, &run.stdout).unwrap();
    let parsed = std::process::Command::new("python3")
        .arg("-c")
        .arg("import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); s = r.find('testsuite'); print(r.get('tests'), len(s.findall('testcase')), s.find('properties/property').get('value'))")
        .arg(&xml)
        .output()
        .expect("python3 runs");
    assert!(
        parsed.status.success(),
        "{}",
        String::from_utf8_lossy(&parsed.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&parsed.stdout).trim(),
        "1 1 50.0",
        "{}",
        run.stdout
    );
    let run = run_in(dir.path(), &["policy", "test", ".", "--run", "("]);
    assert_eq!(run.code, 2, "{}", run.all());
    let run = run_in(dir.path(), &["scan", "--format", "junit"]);
    assert_eq!(run.code, 2, "{}", run.all());
}

#[test]
fn builtin_policy_test_and_check_pass() {
    let dir = tempfile::tempdir().unwrap();
    // The built-in policies' tests reach nearly every line of them, and must go on doing so.
    let run = run_in(dir.path(), &["policy", "test", "--min-coverage", "95"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let run = run_in(dir.path(), &["policy", "check"]);
    assert_eq!(run.code, 0, "{}", run.all());
}

#[test]
fn explain_and_rules_list() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_in(dir.path(), &["explain", "CH-SECRET-001"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("rotate"), "{}", run.stdout);
    let run = run_in(dir.path(), &["explain", "NOPE-001"]);
    assert_eq!(run.code, 2, "{}", run.all());
    let run = run_in(dir.path(), &["rules", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let rules: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(rules.as_array().unwrap().len() >= 150);
}

#[test]
fn closed_pipe_is_not_an_error() {
    use std::io::Read;
    // Far more output than a pipe buffers (64 KiB), so the writer must meet the closed pipe.
    let r = Repo::new();
    for i in 0..800 {
        r.write(&format!("f/{i}.txt"), "x\n");
    }
    r.git(&["add", "."]);
    let mut child = std::process::Command::new(BIN)
        .args(["input"])
        .current_dir(r.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout); // like `| head -c 16`
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Regression: one test file that fails to evaluate made every test of the run fail with its error.
#[test]
fn a_broken_test_file_fails_only_its_own_tests() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.rego"),
        "package team.p\n\ndeny contains \"x\" if { input.x }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("p_test.rego"),
        "package team.p_test\n\nimport data.team.p\n\ntest_denies if { count(p.deny) == 1 with input as {\"x\": true} }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("q_test.rego"),
        "package team.q_test\n\ntest_unsafe_variable if { y == 1 }\n",
    )
    .unwrap();
    let run = run_in(dir.path(), &["policy", "test", "."]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stdout.contains("PASS  team.p_test.test_denies"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("FAIL  team.q_test.test_unsafe_variable"),
        "{}",
        run.stdout
    );
}

#[test]
fn explain_why_shows_the_results_the_lines_reached_and_the_values_read_without_the_secret() {
    let r = Repo::new();
    r.add("README.md", "hello\n");
    r.commit("init");
    r.add("app/settings.py", format!("KEY = \"{}\"\n", aws_key_id()));
    let run = r.charter_plain(&["explain", "ch-secret-001", "--why"]);
    assert_eq!(run.code, 0, "{}", run.all());
    for want in [
        "deny  app/settings.py:1  aws-access-key-id",
        "lines evaluated",
        "some finding in input.findings",
        "input.findings",
        "data.charter.secrets.inline_ignore  \"report\"",
    ] {
        assert!(run.stdout.contains(want), "{want}: {}", run.stdout);
    }
    assert!(!run.stdout.contains(&aws_key_id()), "{}", run.stdout);
    let run = r.charter(&["explain", "CH-SECRET-001", "--why", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["results"][0]["level"], "deny", "{doc:#}");
    assert!(!run.stdout.contains(&aws_key_id()));
    let lines = doc["evaluated"][0]["lines"].as_array().unwrap();
    assert!(lines.contains(&21.into()), "{doc:#}");
    // A policy that is switched off says so; an unknown id is a usage error.
    r.write(
        ".charter/charter.yaml",
        "policies:\n  disable: [CH-SECRET-001]\n",
    );
    let run = r.charter_plain(&["explain", "CH-SECRET-001", "--why"]);
    assert!(
        run.stdout.contains("policies.disable switches it off"),
        "{}",
        run.stdout
    );
    let run = r.charter_plain(&["explain", "NOPE-001", "--why"]);
    assert_eq!(run.code, 2, "{}", run.all());
    let run = r.charter_plain(&["explain", "CH-SECRET-001", "--stage", "ci"]);
    assert_eq!(run.code, 2, "--stage needs --why: {}", run.all());
}

/// `explain` knows every kind of id the console prints: a denial names the secret rule
/// (`aws-access-key-id`) or the insecure pattern (`hardcoded-credential`) as well as the policy.
#[test]
fn explain_knows_the_ids_the_console_prints() {
    let r = Repo::new();
    r.add(
        "app/settings.py",
        format!("AWS_ACCESS_KEY_ID = \"{}\"\n", aws_key_id()),
    );
    r.add(
        "app/fetch.py",
        "import requests\nrequests.get(url, verify=False)\n",
    );
    let run = r.charter(&["pre-commit"]);
    assert_eq!(run.code, 1, "{}", run.all());
    for (id, says) in [
        ("aws-access-key-id", "secret rule"),
        ("tls-verify-disabled", "insecure pattern"),
        ("CH-SECRET-001", "severity"),
        ("CH-INSECURE-001", "severity"),
    ] {
        assert!(run.stdout.contains(id), "{id} not printed: {}", run.stdout);
        let e = r.charter(&["explain", id]);
        assert_eq!(e.code, 0, "{id}: {}", e.all());
        assert!(e.stdout.starts_with(id), "{id}: {}", e.stdout);
        assert!(e.stdout.contains(says), "{id}: {}", e.stdout);
    }
    for (id, says) in [
        ("claude-session-trailer", "AI-tool signature"),
        ("AUTH", "class of code"),
        ("jwt-verify-disabled", "deny in this charter"),
        ("hardcoded-credential", "insecure pattern"),
    ] {
        let e = r.charter(&["explain", id]);
        assert_eq!(e.code, 0, "{id}: {}", e.all());
        assert!(e.stdout.contains(says), "{id}: {}", e.stdout);
    }
    let e = r.charter(&["explain", "no-such-thing"]);
    assert_eq!(e.code, 2, "{}", e.all());
    assert!(e.stderr.contains("git charter rules"), "{}", e.stderr);
}

/// `policy list` is sorted by id (numbers as numbers) and its columns line up.
#[test]
fn policy_list_is_sorted_and_aligned() {
    let r = Repo::new();
    let run = r.charter(&["policy", "list"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("id "), "{}", run.stdout);
    let ids: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort_by_key(|id| {
        let (prefix, n) = id.rsplit_once('-').unwrap();
        (prefix.to_string(), n.parse::<u32>().unwrap_or(0))
    });
    assert_eq!(ids, sorted);
    // The severity column starts at the same place on every line.
    let col = lines[0].find("severity").unwrap();
    for l in &lines[1..] {
        assert_eq!(l.as_bytes()[col - 1], b' ', "{l}");
        assert_ne!(l.as_bytes()[col], b' ', "{l}");
    }
}

/// A gitignored `.env` is skipped by `scan` as git skips it, and scanned with `--no-ignore`;
/// committing one anyway is refused whatever it holds (CH-SECRET-002), its template is not.
#[test]
fn dotenv_files_are_scanned_on_request_and_never_committed() {
    let r = Repo::new();
    r.add(".gitignore", ".env\n");
    r.write(".env", "DB_PASSWORD=correct-horse-battery\n");
    r.write(
        "deploy/.env",
        format!("AWS_ACCESS_KEY_ID={}\n", aws_key_id()),
    );
    let scan = r.charter(&["scan"]);
    assert_eq!(scan.code, 0, "{}", scan.all());
    let scan = r.charter(&["scan", "--no-ignore"]);
    assert_eq!(scan.code, 1, "{}", scan.all());
    assert!(scan.stdout.contains("deploy/.env"), "{}", scan.stdout);

    r.git(&["add", "-f", ".env"]);
    let pre = r.charter(&["pre-commit"]);
    assert_eq!(pre.code, 1, "{}", pre.all());
    assert!(pre.stdout.contains("CH-SECRET-002"), "{}", pre.stdout);
    r.git(&["rm", "-q", "--cached", ".env"]);
    r.add(".env.example", "DB_PASSWORD=\n");
    let pre = r.charter(&["pre-commit"]);
    assert!(!pre.stdout.contains("CH-SECRET-002"), "{}", pre.all());
}

/// With no DIR, `policy test` runs the team's tests when `.charter/policies/` has any (the
/// built-ins are loaded under them, not tested again), else the built-ins'.
#[test]
fn policy_test_without_a_dir_tests_the_teams_policies() {
    let r = Repo::new();
    let builtin = r.charter(&["policy", "test", "--format", "json"]);
    assert_eq!(builtin.code, 0, "{}", builtin.all());
    assert!(
        builtin.stdout.contains("gitcharter.ai.disclosure_test"),
        "{}",
        builtin.stdout
    );
    r.write(
        ".charter/policies/todo.rego",
        "# METADATA\n# title: No TODO files\n# custom:\n#   id: TEAM-TODO-001\n#   severity: low\n\
         package team.todo\n\ndeny contains {\"message\": f.path} if {\n\tsome f in input.files\n\tendswith(f.path, \"TODO\")\n}\n",
    );
    r.write(
        ".charter/policies/todo_test.rego",
        "package team.todo_test\n\nimport data.team.todo\n\ntest_todo_denied if {\n\tcount(todo.deny) == 1 with input as {\"files\": [{\"path\": \"TODO\"}]}\n}\n\ntest_uses_a_builtin_library if {\n\tdata.gitcharter.lib.identity.is_ai(\"Claude <noreply@anthropic.com>\") with data.charter as {\"review\": {\"ai_identities\": [\"noreply@anthropic.com\"]}}\n}\n",
    );
    let team = r.charter(&["policy", "test"]);
    assert_eq!(team.code, 0, "{}", team.all());
    assert!(
        team.stdout.contains("team.todo_test.test_todo_denied"),
        "{}",
        team.stdout
    );
    assert!(
        team.stdout.contains("test_uses_a_builtin_library"),
        "{}",
        team.stdout
    );
    assert!(
        !team.stdout.contains("gitcharter.ai.disclosure_test"),
        "{}",
        team.stdout
    );
    assert!(team.stdout.contains("2 passed"), "{}", team.stdout);
}

/// The bash completion script loads in a real bash and completes subcommands; the man page
/// renders with the real `man` and lists the subcommands.
#[test]
fn completions_and_man_page_work_in_the_real_tools() {
    let r = Repo::new();
    let script = r.charter(&["completions", "bash"]);
    assert_eq!(script.code, 0, "{}", script.all());
    let file = r.write("git-charter.bash", &script.stdout);
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source '{}' && complete -p git-charter >/dev/null && COMP_WORDS=(git-charter pol) COMP_CWORD=1 && \
             _git__charter git-charter pol git-charter && printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            file.display()
        ))
        .output()
        .expect("bash runs");
    let words = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(words.trim(), "policy", "{words}");
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let s = r.charter(&["completions", shell]);
        assert_eq!(s.code, 0, "{shell}: {}", s.all());
        assert!(s.stdout.contains("approve"), "{shell}: {}", s.stdout);
    }

    let page = r.charter(&["man"]);
    assert_eq!(page.code, 0, "{}", page.all());
    let roff = r.write("git-charter.1", &page.stdout);
    let man = std::process::Command::new("man")
        .arg("-l")
        .arg(&roff)
        .env("MANWIDTH", "100")
        .env("MANPAGER", "cat")
        .output();
    match man {
        Ok(out) if out.status.success() => {
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(text.contains("git-charter - Enforce"), "{text}");
            assert!(text.contains("approve"), "{text}");
            assert!(text.contains("pre-commit"), "{text}");
        }
        _ => missing_prerequisite(
            "completions_and_man_page_work_in_the_real_tools",
            "`man` cannot render a page",
            "install man-db and groff-base",
        ),
    }
}

/// Under a hook manager (PRE_COMMIT set), the commands a message suggests name the binary's path:
/// `git charter` is not on the user's PATH there.
#[test]
fn under_a_hook_manager_messages_name_the_binary_that_works() {
    let r = Repo::new();
    r.add(
        "k.py",
        format!("AWS_ACCESS_KEY_ID = \"{}\"\n", aws_key_id()),
    );
    let plain = r.charter(&["pre-commit"]);
    assert!(
        plain.stdout.contains("run `git charter baseline`"),
        "{}",
        plain.stdout
    );
    let out = std::process::Command::new(BIN)
        .arg("pre-commit")
        .current_dir(r.path())
        .env("PRE_COMMIT", "1")
        .env("NO_COLOR", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains(&format!("run `{BIN} baseline`")), "{text}");
    assert!(!text.contains("git charter baseline"), "{text}");
}
