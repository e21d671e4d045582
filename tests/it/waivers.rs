//! Exceptions with a reason and an end (`.charter/waivers.yaml`), re-certification of the charter
//! (`certified:`) and `baseline --prune`, through the real binary on real repositories.

use crate::common::*;
use serde_json::Value;

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.all()))
}

/// Today plus `days` (UTC, `YYYY-MM-DD`), as GNU date computes it.
fn day(days: i64) -> String {
    let out = std::process::Command::new("date")
        .args(["-u", "-d", &format!("{days} days"), "+%F"])
        .output()
        .expect("date runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn waiver_file(entries: &[String]) -> String {
    format!("version: 1\nwaivers:\n{}", entries.concat())
}

fn by_fingerprint(fp: &str, expires: &str) -> String {
    format!(
        "  - fingerprint: {fp}\n    reason: a revoked key kept for a regression test\n    owner: sec@example.com\n    expires: {expires}\n"
    )
}

fn ids(report: &Value) -> Vec<(String, String)> {
    report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["policy_id"].as_str().unwrap().to_string(),
                v["level"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_waiver_covers_a_finding_until_its_last_day_and_then_the_commit_is_denied_again() {
    let r = Repo::new();
    r.add("README.md", "hello\n");
    r.commit("init");
    r.add("app/settings.py", format!("KEY = \"{}\"\n", aws_key_id()));
    let run = r.charter(&["pre-commit", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.all());
    let report = json(&run);
    let fp = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["policy_id"] == "CH-SECRET-001")
        .and_then(|v| v["fingerprint"].as_str())
        .unwrap_or_else(|| panic!("the violation names its fingerprint: {report:#}"))
        .to_string();
    assert!(!fp.contains(&aws_key_id()), "{fp}");

    // In force (its last day is today): the commit passes, and every format says what was waived.
    r.write(
        ".charter/waivers.yaml",
        waiver_file(&[by_fingerprint(&fp, &day(0))]),
    );
    let run = r.charter(&["pre-commit", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let report = json(&run);
    assert!(
        !ids(&report).iter().any(|(id, _)| id == "CH-SECRET-001"),
        "{report:#}"
    );
    let waived: Vec<&Value> = report["suppressed"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["kind"] == "violation")
        .collect();
    assert_eq!(waived.len(), 1, "{report:#}");
    assert_eq!(waived[0]["by"], "waiver");
    assert_eq!(waived[0]["violation"]["policy_id"], "CH-SECRET-001");
    assert_eq!(waived[0]["waiver"]["owner"], "sec@example.com");
    assert_eq!(waived[0]["waiver"]["at"], ".charter/waivers.yaml:3");
    // Its last day: CH-WAIVER-001 says it is about to end.
    assert!(
        ids(&report).contains(&("CH-WAIVER-001".into(), "warn".into())),
        "{report:#}"
    );
    let run = r.charter_plain(&["pre-commit"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout.contains("waived  CH-SECRET-001"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("a revoked key kept for a regression test (owner sec@example.com"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("1 result waived"), "{}", run.stdout);
    let run = r.charter(&["pre-commit", "--format", "sarif"]);
    let sarif = json(&run);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let s = results
        .iter()
        .find(|x| x["ruleId"] == "CH-SECRET-001")
        .unwrap_or_else(|| panic!("{sarif:#}"));
    assert_eq!(s["suppressions"][0]["kind"], "external", "{s:#}");
    assert!(
        s["suppressions"][0]["justification"]
            .as_str()
            .unwrap()
            .contains("a revoked key kept for a regression test"),
        "{s:#}"
    );
    for out in [&run.stdout, &r.charter_plain(&["pre-commit"]).stdout] {
        assert!(!out.contains(&aws_key_id()), "{out}");
    }

    // Expired yesterday: the finding is denied again, and the expiry is named.
    r.write(
        ".charter/waivers.yaml",
        waiver_file(&[by_fingerprint(&fp, &day(-1))]),
    );
    let run = r.charter(&["pre-commit", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.all());
    let report = json(&run);
    assert!(
        ids(&report).contains(&("CH-SECRET-001".into(), "deny".into())),
        "{report:#}"
    );
    let warn = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["policy_id"] == "CH-WAIVER-001")
        .unwrap_or_else(|| panic!("{report:#}"));
    assert!(
        warn["message"]
            .as_str()
            .unwrap()
            .contains("no longer applies"),
        "{warn:#}"
    );
    assert_eq!(warn["path"], ".charter/waivers.yaml");
    assert_eq!(warn["line"], 3);

    // Far from its end: silent.
    r.write(
        ".charter/waivers.yaml",
        waiver_file(&[by_fingerprint(&fp, &day(60))]),
    );
    let report = json(&r.charter(&["pre-commit", "--format", "json"]));
    let said: Vec<_> = ids(&report)
        .into_iter()
        .filter(|(id, _)| !id.starts_with("CH-CLASS-"))
        .collect();
    assert_eq!(said, Vec::<(String, String)>::new(), "{report:#}");
}

#[test]
fn a_policy_and_path_waiver_holds_in_ci_only_where_its_globs_say() {
    let r = Repo::new();
    r.add("README.md", "hello\n");
    r.add(
        ".charter/waivers.yaml",
        format!(
            "waivers:\n  - policy: ch-secret-001\n    paths: [\"fixtures/**\"]\n    reason: recorded responses from a sandbox account\n    owner: qa@example.com\n    expires: {}\n",
            day(90)
        ),
    );
    r.commit("init");
    r.add(
        "fixtures/http/login.py",
        format!("KEY = \"{}\"\n", aws_key_id()),
    );
    r.commit("fixtures");
    let run = r.charter(&["ci", "--base", "HEAD~1", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let report = json(&run);
    let waived = &report["suppressed"][0];
    assert_eq!(waived["kind"], "violation", "{report:#}");
    assert!(waived["commit"].is_string(), "{report:#}");
    r.add("app/login.py", format!("KEY = \"{}\"\n", aws_key_id()));
    r.commit("app");
    let run = r.charter(&["ci", "--base", "HEAD~1", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.all());
}

#[test]
fn waivers_lists_expired_first_and_a_broken_file_names_its_line() {
    let r = Repo::new();
    let soon = format!(
        "  - policy: CH-INSECURE-001\n    reason: soon\n    owner: a@example.com\n    expires: {}\n",
        day(5)
    );
    let gone = format!(
        "  - policy: CH-DEP-001\n    paths: [\"vendor/**\"]\n    reason: gone\n    owner: b@example.com\n    expires: {}\n",
        day(-2)
    );
    r.write(".charter/waivers.yaml", waiver_file(&[soon, gone]));
    let run = r.charter_plain(&["waivers"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let (first, second) = (
        run.stdout
            .find("expired 2 day(s) ago")
            .unwrap_or(usize::MAX),
        run.stdout.find("5 day(s) left").unwrap_or(usize::MAX),
    );
    assert!(first < second && second != usize::MAX, "{}", run.stdout);
    assert!(
        run.stdout.contains("2 waivers, 1 expired"),
        "{}",
        run.stdout
    );
    let doc = json(&r.charter(&["waivers", "--format", "json"]));
    assert_eq!(doc["waivers"][0]["expired"], true, "{doc:#}");
    assert_eq!(doc["waivers"][0]["days_left"], -2, "{doc:#}");
    assert_eq!(
        doc["waivers"][1]["at"], ".charter/waivers.yaml:3",
        "{doc:#}"
    );

    r.write(
        ".charter/waivers.yaml",
        "waivers:\n  - policy: X\n    reason: r\n    owner: o\n    expires: 2027-02-30\n",
    );
    for args in [&["waivers"][..], &["pre-commit"][..]] {
        let run = r.charter_plain(args);
        assert_eq!(run.code, 3, "{args:?}: {}", run.all());
        assert!(run.stderr.contains("waivers.yaml:2"), "{}", run.stderr);
        assert!(run.stderr.contains("is not a date"), "{}", run.stderr);
    }
}

#[test]
fn an_overdue_charter_warns_in_the_hooks_and_fails_ci_after_the_grace_period() {
    let charter = |on: &str| {
        format!("certified:\n  by: Dana Reviewer\n  on: {on}\n  every: 90d\n  grace_days: 14\n")
    };
    let r = Repo::new();
    r.add(".charter/charter.yaml", charter(&day(-80)));
    r.commit("init");
    // Due in 10 days: a warning everywhere.
    r.add("a.txt", "a\n");
    let run = r.charter(&["pre-commit", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let report = json(&run);
    let w = &report["violations"][0];
    assert_eq!(w["policy_id"], "CH-CHARTER-001", "{report:#}");
    assert!(
        w["message"].as_str().unwrap().contains("in 10 day(s)"),
        "{w:#}"
    );
    assert!(
        w["message"].as_str().unwrap().contains("Dana Reviewer"),
        "{w:#}"
    );
    // 20 days overdue: the hooks warn, ci fails, both naming who certified it last.
    r.write(".charter/charter.yaml", charter(&day(-110)));
    r.git(&["add", "-A"]);
    let run = r.charter(&["pre-commit", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("20 day(s) ago"), "{}", run.stdout);
    // ci judges with the charter of the base: the overdue one is committed first.
    r.commit("overdue");
    r.add("b.txt", "b\n");
    r.commit("after");
    let run = r.charter(&["ci", "--base", "HEAD~1", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.all());
    let report = json(&run);
    let d = &report["violations"][0];
    assert_eq!(
        (&d["policy_id"], &d["level"]),
        (&"CH-CHARTER-001".into(), &"deny".into()),
        "{report:#}"
    );
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("past the 14-day grace period"),
        "{d:#}"
    );
    // A bad period is a charter error with its line.
    r.write(
        ".charter/charter.yaml",
        "certified:\n  by: D\n  on: 2026-01-01\n  every: fortnightly\n",
    );
    let run = r.charter_plain(&["pre-commit"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(run.stderr.contains("not a period"), "{}", run.stderr);
}

#[test]
fn baseline_prune_removes_only_what_matches_nothing_and_never_adds() {
    let r = Repo::new();
    r.write("a.py", format!("KEY = \"{}\"\n", aws_key_id()));
    r.write("b.py", format!("KEY = \"AKIA{}\"\n", "M3NB6VCX9ZLK2JHG"));
    let run = r.charter_plain(&["baseline"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let entries = |r: &Repo| -> usize {
        let text = std::fs::read_to_string(r.path().join(".charter/baseline.json")).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        doc["findings"].as_array().unwrap().len()
    };
    let before = entries(&r);
    assert!(before >= 2, "{before}");
    std::fs::remove_file(r.path().join("b.py")).unwrap();
    // A new secret appears: prune does not accept it.
    r.write("c.py", format!("KEY2 = \"AKIA{}\"\n", "Q4WE7RTY2UIO5PAS"));
    let run = r.charter_plain(&["baseline", "--prune"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout
            .starts_with(&format!("pruned {} entr", before - 1)),
        "{}",
        run.stdout
    );
    assert_eq!(entries(&r), 1);
    let run = r.charter_plain(&["scan", "c.py"]);
    assert_eq!(
        run.code,
        1,
        "the new secret is still reported: {}",
        run.all()
    );
    let run = r.charter_plain(&["baseline", "--prune", "--replace"]);
    assert_eq!(run.code, 2, "{}", run.all());
}
