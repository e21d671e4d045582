//! The false blocks a new user met under the starter charter, end to end through `pre-commit` and
//! `scan`: English sentences as SQL, a constant `shell=True` command, `verify=False` in tests; and
//! what a finding now carries (a redacted preview, an inline `charter:allow`, one help line per run).

use crate::common::*;
use serde_json::Value;

const STARTER: &str = include_str!("../../charter/starter.yaml");

fn repo() -> Repo {
    let r = Repo::new();
    r.add(".charter/charter.yaml", STARTER);
    r.add("README.md", "hello\n");
    r.commit("init");
    r
}

fn insecure(report: &Value, level: &str) -> Vec<String> {
    report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["policy_id"] == "CH-INSECURE-001" && v["level"] == level)
        .map(|v| {
            format!(
                "{}:{} {}",
                v["path"].as_str().unwrap(),
                v["line"],
                v["message"]
            )
        })
        .collect()
}

fn pre_commit(r: &Repo) -> (Run, Value) {
    let run = r.charter(&["pre-commit", "--format", "json"]);
    let v = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.all()));
    (run, v)
}

#[test]
fn english_sentences_are_not_denied_as_sql_under_the_starter_charter() {
    let r = repo();
    r.add(
        "app/menu.py",
        "log.info(f\"Select an option from the menu: {opt}\")\n\
         print(f\"Update your profile at {url} and delete old drafts\")\n\
         label = f\"With {n} items selected\"\n",
    );
    r.add("web/toast.js", "toast(`Update ${name} succeeded`);\n");
    let (run, report) = pre_commit(&r);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(insecure(&report, "deny").is_empty(), "{report}");
    assert!(insecure(&report, "warn").is_empty(), "{report}");
}

#[test]
fn sql_built_from_a_value_is_still_denied_and_shows_what_matched() {
    let r = repo();
    r.add(
        "app/db.py",
        "cur.execute(f\"SELECT * FROM orders WHERE id = {oid}\")\n",
    );
    let (run, report) = pre_commit(&r);
    assert_eq!(run.code, 1, "{}", run.all());
    assert_eq!(
        insecure(&report, "deny"),
        [
            "app/db.py:1 \"SQL built by string concatenation or formatting (sql-string-build): cur.execute(f\\\"SELECT * FROM orders WHERE id = {oid}\\\")\""
        ]
    );
}

#[test]
fn a_constant_shell_true_command_is_not_shell_injection() {
    let r = repo();
    r.add(
        "setup.py",
        "v = subprocess.check_output(\"git describe --tags\", shell=True)\n",
    );
    let (run, report) = pre_commit(&r);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(insecure(&report, "warn").is_empty(), "{report}");
}

#[test]
fn verify_false_under_tests_only_warns_and_elsewhere_is_denied() {
    let r = repo();
    r.add("tests/test_client.py", "requests.get(url, verify=False)\n");
    let (run, report) = pre_commit(&r);
    assert_eq!(run.code, 0, "{}", run.all());
    assert_eq!(insecure(&report, "warn").len(), 1, "{report}");
    let r = repo();
    r.add("app/client.py", "requests.get(url, verify=False)\n");
    let (run, report) = pre_commit(&r);
    assert_eq!(run.code, 1, "{}", run.all());
    assert_eq!(insecure(&report, "deny").len(), 1, "{report}");
}

#[test]
fn charter_allow_suppresses_an_insecure_finding_and_the_suppression_is_listed() {
    let r = repo();
    r.add(
        "app/client.py",
        "requests.get(url, verify=False)  # charter:allow=tls-verify-disabled\n",
    );
    let (run, report) = pre_commit(&r);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(insecure(&report, "deny").is_empty(), "{report}");
    let listed: Vec<&serde_json::Value> = report["suppressed"]
        .as_array()
        .expect("listed")
        .iter()
        .filter(|x| x["kind"] == "insecure")
        .collect();
    assert_eq!(listed.len(), 1, "{report}");
    assert_eq!(listed[0]["rule_id"], "tls-verify-disabled");
    assert_eq!(listed[0]["by"], "inline");
    assert_eq!(
        listed[0]["suppressed"]["marker"],
        "charter:allow=tls-verify-disabled"
    );
    assert!(
        listed[0]["suppressed"]["reason"]
            .as_str()
            .unwrap()
            .contains("comment")
    );
}

#[test]
fn a_pattern_on_many_lines_prints_its_help_once() {
    let r = repo();
    r.add(
        "app/a.py",
        "requests.get(a, verify=False)\nrequests.get(b, verify=False)\nrequests.get(c, verify=False)\n",
    );
    let run = r.charter(&["pre-commit"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert_eq!(
        run.stdout.matches("tls-verify-disabled").count(),
        3,
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stdout.matches("Keep verification on").count(),
        1,
        "{}",
        run.stdout
    );
}

#[test]
fn a_password_a_secret_rule_reports_is_one_finding_and_its_value_never_shows() {
    let r = repo();
    let value = format!("{}{}", "Tz0pYw4K", "s8Nb1Xc6");
    r.add("app/settings.py", format!("db_password = \"{value}\"\n"));
    let (_, report) = pre_commit(&r);
    let text = report.to_string();
    assert!(text.contains("CH-SECRET-001"), "{text}");
    assert!(!text.contains("hardcoded-credential"), "{text}");
    assert!(!text.contains(&value[2..]), "{text}");
}

/// A credential a secret rule's stopword, allowlist regex, placeholder filter or path allowlist
/// hid was reported by `hardcoded-credential` instead unless `--show-suppressed` was given: the
/// secret rules' decision about a value is the one fact, in every command that judges content.
#[test]
fn a_credential_the_secret_rules_hid_is_not_reported_again_by_any_command() {
    let r = Repo::new();
    r.add(
        ".charter/charter.yaml",
        "version: 1\nsecrets:\n  stopwords: [fixturetoken]\n  allow_regexes: ['^Knowntest']\n  allow_paths: ['fixtures/**']\n",
    );
    r.add("README.md", "hello\n");
    r.commit("init");
    let random = ["Q8zLp3Wm", "7Rt2Xv9K", "d4YhB6nC"].concat();
    r.add(
        "app/settings.py",
        format!(
            "API_TOKEN = \"fixturetoken{random}\"\nSERVICE_TOKEN = \"Knowntest{random}\"\napi_token = \"replace-with-{random}\"\n"
        ),
    );
    r.add("fixtures/app.py", format!("API_TOKEN = \"{random}\"\n"));
    // A credential no secret rule takes (too short and plain): the insecure scan reports it.
    r.add("app/db.py", "db_password = \"hunter2hunter2\"\n");
    let msg = r.path().join(".git/CHARTER_TEST_MSG");
    std::fs::write(&msg, "Add settings\n").unwrap();
    let msg = msg.to_str().unwrap().to_string();
    let json = |what: &str, run: &Run| -> Value {
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{what}: {e}: {}", run.all()))
    };
    let credentials = |what: &str, run: &Run| -> Vec<String> {
        json(what, run)["violations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| {
                v["message"]
                    .as_str()
                    .unwrap()
                    .contains("hardcoded-credential")
            })
            .map(|v| format!("{}:{}", v["path"].as_str().unwrap(), v["line"]))
            .collect()
    };
    for show in [false, true] {
        for args in [vec!["pre-commit"], vec!["scan"]] {
            let mut args = args.clone();
            args.extend(["--format", "json"]);
            if show {
                args.push("--show-suppressed");
            }
            let run = r.charter(&args);
            assert_eq!(
                credentials(&args.join(" "), &run),
                ["app/db.py:1"],
                "{args:?}"
            );
        }
        // commit-msg judges no insecure pattern, but its document carries the files' facts.
        let mut args = vec!["input", "--stage", "commit-msg", msg.as_str()];
        if show {
            args.push("--show-suppressed");
        }
        let doc = json("input", &r.charter(&args));
        let found: Vec<String> = doc["files"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|f| {
                f["insecure"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|m| m["id"] == "hardcoded-credential")
                    .map(|m| format!("{}:{}", m["path"].as_str().unwrap(), m["line"]))
            })
            .collect();
        assert_eq!(found, ["app/db.py:1"], "{args:?}");
    }
    r.commit("settings");
    for show in [false, true] {
        let mut args = vec!["ci", "--range", "HEAD~1..HEAD", "--format", "json"];
        if show {
            args.push("--show-suppressed");
        }
        let run = r.charter(&args);
        assert_eq!(credentials("ci", &run), ["app/db.py:1"], "{args:?}");
    }
}
