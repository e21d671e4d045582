//! Dependency facts and the CH-DEP-* policies against real repositories: every ecosystem's
//! manifests reach the input document, a typosquat or a stale lockfile is judged the same by the
//! hook and by `ci`, secrets in dependency sources never show, and a broken manifest never breaks
//! the hook.

use crate::common::*;
use serde_json::Value;
use std::collections::BTreeSet;

const LOCK: &str = "{\"lockfileVersion\":3,\"packages\":{\"\":{},\"node_modules/lodash\":{\"version\":\"4.17.21\"}}}\n";

fn app_repo() -> Repo {
    let r = Repo::new();
    r.add(
        "package.json",
        "{\"name\":\"app\",\"private\":true,\"dependencies\":{\"lodash\":\"^4.17.21\"}}\n",
    );
    r.add("package-lock.json", LOCK);
    r.commit("init");
    r
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.all()))
}

/// (level, policy id, path) of every violation of a JSON report.
fn verdicts(doc: &Value) -> BTreeSet<(String, String, String)> {
    doc["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["level"].as_str().unwrap().to_string(),
                v["policy_id"].as_str().unwrap().to_string(),
                v["path"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn ids(doc: &Value, level: &str) -> BTreeSet<String> {
    verdicts(doc)
        .into_iter()
        .filter(|v| v.0 == level)
        .map(|v| v.1)
        .collect()
}

#[test]
fn a_typosquat_with_its_lockfile_denies_in_the_hook_and_in_ci_alike() {
    let r = app_repo();
    r.add(
        "package.json",
        "{\"name\":\"app\",\"private\":true,\"dependencies\":{\"lodash\":\"^4.17.21\",\"expresss\":\"4.0.0\"}}\n",
    );
    r.add(
        "package-lock.json",
        LOCK.replace(
            "\"node_modules/lodash\"",
            "\"node_modules/expresss\":{\"version\":\"4.0.0\"},\"node_modules/lodash\"",
        ),
    );
    let hook = r.charter(&["pre-commit", "--format", "json"]);
    assert_eq!(hook.code, 1, "{}", hook.all());
    let hook = json(&hook);
    assert_eq!(
        ids(&hook, "deny"),
        BTreeSet::from(["CH-DEP-001".to_string()])
    );
    let v = &hook["violations"][0];
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .contains("resembles the popular \"express\""),
        "{v}"
    );
    r.commit("add a package");
    let ci = r.charter(&["ci", "--range", "HEAD~1..HEAD", "--format", "json"]);
    assert_eq!(ci.code, 1, "{}", ci.all());
    let ci = json(&ci);
    let denied = |d: &Value| {
        verdicts(d)
            .into_iter()
            .filter(|v| v.0 == "deny")
            .collect::<BTreeSet<_>>()
    };
    assert_eq!(
        denied(&hook),
        denied(&ci),
        "the hook and ci judge the commit alike"
    );
}

#[test]
fn a_manifest_change_without_its_lockfile_denies_and_with_it_passes() {
    let r = Repo::new();
    r.add(
        "Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"0.1.0\"\n\n[dependencies]\nserde = \"1\"\n",
    );
    r.add(
        "Cargo.lock",
        "version = 3\n\n[[package]]\nname = \"serde\"\nversion = \"1.0.200\"\n",
    );
    r.commit("init");
    r.add(
        "Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"0.1.0\"\n\n[dependencies]\nserde = \"1\"\nregex = \"1\"\n",
    );
    let run = r.charter(&["pre-commit", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.all());
    let doc = json(&run);
    assert!(ids(&doc, "deny").contains("CH-DEP-003"), "{doc}");
    assert!(
        run.stdout
            .contains("its lockfile (Cargo.lock) is not part of the commit"),
        "{}",
        run.stdout
    );
    r.add(
        "Cargo.lock",
        "version = 3\n\n[[package]]\nname = \"regex\"\nversion = \"1.11.0\"\n\n[[package]]\nname = \"serde\"\nversion = \"1.0.200\"\n",
    );
    let run = r.charter(&["pre-commit", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let input = r.input();
    let d = &input["dependencies"][0];
    assert_eq!(d["name"], "regex");
    assert_eq!(d["locked"], serde_json::json!(["1.11.0"]));
    assert_eq!(d["name_check"]["status"], "popular");
    assert_eq!(input["manifests"][0]["lockfile_changed"], true);
}

#[test]
fn every_ecosystems_manifests_reach_the_input_document() {
    let r = Repo::new();
    r.add("README.md", "x\n");
    r.commit("init");
    let files: &[(&str, &str)] = &[
        (
            "rust/Cargo.toml",
            "[package]\nname = \"r\"\nversion = \"0.1.0\"\n[dependencies]\nanyhow = \"1\"\n",
        ),
        (
            "web/package.json",
            "{\"dependencies\": {\"react\": \"^18.2.0\"}}",
        ),
        ("py/requirements.txt", "requests==2.32.3\n"),
        (
            "tool/pyproject.toml",
            "[project]\nname = \"t\"\ndependencies = [\"click>=8\"]\n",
        ),
        (
            "svc/go.mod",
            "module example.invalid/svc\n\ngo 1.22\n\nrequire github.com/spf13/cobra v1.8.0\n",
        ),
        (
            "rb/Gemfile",
            "source \"https://rubygems.org\"\ngem \"rack\", \"~> 3.0\"\n",
        ),
        (
            "java/pom.xml",
            "<project><dependencies><dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>2.0.13</version></dependency></dependencies></project>",
        ),
        (
            "kt/build.gradle.kts",
            "dependencies {\n    implementation(\"com.google.guava:guava:33.0.0-jre\")\n}\n",
        ),
    ];
    for (path, text) in files {
        r.add(path, text);
    }
    let input = r.input();
    let got: BTreeSet<(String, String, String)> = input["dependencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["ecosystem"].as_str().unwrap().to_string(),
                d["name"].as_str().unwrap().to_string(),
                d["change"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want: BTreeSet<(String, String, String)> = [
        ("cargo", "anyhow"),
        ("npm", "react"),
        ("pypi", "requests"),
        ("pypi", "click"),
        ("go", "github.com/spf13/cobra"),
        ("rubygems", "rack"),
        ("maven", "org.slf4j:slf4j-api"),
        ("maven", "com.google.guava:guava"),
    ]
    .iter()
    .map(|(e, n)| (e.to_string(), n.to_string(), "added".to_string()))
    .collect();
    assert_eq!(got, want);
    assert_eq!(input["manifests"].as_array().unwrap().len(), files.len());
    let status = |name: &str| {
        input["dependencies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["name"] == name)
            .unwrap()["name_check"]["status"]
            .clone()
    };
    assert_eq!(status("react"), "popular");
    assert_eq!(status("requests"), "popular");
    assert_eq!(status("anyhow"), "popular");
    assert_eq!(status("rack"), "unchecked", "no RubyGems list ships");
}

#[test]
fn a_secret_in_a_dependency_source_is_redacted_in_every_output() {
    let r = app_repo();
    let key = aws_key_id();
    let url = format!("git+https://{key}:x@example.invalid/team/private.git");
    r.add(
        "package.json",
        format!(
            "{{\"name\":\"app\",\"private\":true,\"dependencies\":{{\"lodash\":\"^4.17.21\",\"private\":\"{url}\"}}}}\n"
        ),
    );
    r.add(
        "package-lock.json",
        LOCK.replace(
            "\"node_modules/lodash\"",
            "\"node_modules/private\":{\"version\":\"1.0.0\"},\"node_modules/lodash\"",
        ),
    );
    for format in ["console", "json", "sarif", "github"] {
        let run = r.charter(&["pre-commit", "--format", format]);
        assert!(!run.all().contains(&key), "{format}: {}", run.all());
        assert!(run.all().contains("CH-DEP-004"), "{format}: {}", run.all());
    }
    let input = r.charter(&["input", "--stage", "pre-commit"]);
    assert!(!input.all().contains(&key), "{}", input.all());
    assert!(
        input.stdout.contains("\"source\": \"git\""),
        "{}",
        input.stdout
    );
}

#[test]
fn a_manifest_that_does_not_parse_warns_and_the_hook_goes_on() {
    let r = app_repo();
    r.add("package.json", "{\"dependencies\": {\"lodash\": \n");
    let run = r.charter(&["pre-commit", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let doc = json(&run);
    assert!(ids(&doc, "warn").contains("CH-DEP-008"), "{doc}");
    assert!(ids(&doc, "deny").is_empty(), "{doc}");
}

#[test]
fn an_ai_assisted_commit_adding_an_unknown_package_in_the_trusted_tier_needs_review() {
    let r = Repo::new();
    r.add("requirements.txt", "requests==2.32.3\n");
    r.commit("init");
    r.add(
        "requirements.txt",
        "requests==2.32.3\nzqxv-internal-helper==0.1.0\n",
    );
    let msg = r.write(
        ".git/COMMIT_EDITMSG",
        "Add a helper\n\nAssisted-by: Claude:claude-sonnet-4\n",
    );
    let run = r.charter(&["commit-msg", msg.to_str().unwrap(), "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.all());
    let doc = json(&run);
    assert!(ids(&doc, "deny").contains("CH-DEP-007"), "{doc}");
    assert!(ids(&doc, "warn").contains("CH-DEP-002"), "{doc}");
    std::fs::write(
        &msg,
        "Add a helper\n\nAssisted-by: Claude:claude-sonnet-4\nReviewed-by: Rev Iewer <rev@example.com>\n",
    )
    .unwrap();
    let run = r.charter(&["commit-msg", msg.to_str().unwrap(), "--format", "json"]);
    let doc = json(&run);
    assert!(!ids(&doc, "deny").contains("CH-DEP-007"), "{doc}");
}

#[test]
fn a_change_without_manifests_carries_no_dependency_facts() {
    let r = app_repo();
    r.add("src/main.js", "console.log(1)\n");
    let input = r.input();
    assert_eq!(input["dependencies"], serde_json::json!([]));
    assert_eq!(input["manifests"], serde_json::json!([]));
}

#[test]
fn git_commit_with_the_native_hooks_stops_a_typosquat_and_lets_the_fix_through() {
    let r = app_repo();
    let run = r.charter(&["install"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let manifest = |extra: &str| {
        format!(
            "{{\"name\":\"app\",\"private\":true,\"dependencies\":{{\"lodash\":\"^4.17.21\",\"{extra}\":\"1.0.0\"}}}}\n"
        )
    };
    let lock = |extra: &str| {
        LOCK.replace(
            "\"node_modules/lodash\"",
            &format!("\"node_modules/{extra}\":{{\"version\":\"1.0.0\"}},\"node_modules/lodash\""),
        )
    };
    r.add("package.json", manifest("chalkk"));
    r.add("package-lock.json", lock("chalkk"));
    let out = r.git_with_hooks(&["commit", "-q", "-m", "Add colours"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the commit went through: {err}");
    assert!(
        err.contains("CH-DEP-001") && err.contains("\"chalk\""),
        "{err}"
    );
    r.add("package.json", manifest("chalk"));
    r.add("package-lock.json", lock("chalk"));
    let out = r.git_with_hooks(&["commit", "-q", "-m", "Add colours"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
