//! Machine outputs of `ci` on a real repository: SARIF 2.1.0 validated by Microsoft's SARIF Multitool,
//! GitHub workflow-command annotations, and the versioned JSON report. No output may carry a secret.

use crate::common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A repository whose last commit holds a key (in a file whose name needs escaping) and a message
/// without a body, so results with and without a file location are both present.
fn repo_with_findings() -> Repo {
    let r = Repo::new();
    r.add("README.md", "# x\n");
    r.commit("base");
    r.add(
        "ops/de,ploy: prod.sh",
        format!("#!/bin/sh\n\nexport AWS_ACCESS_KEY_ID={}\n", aws_key_id()),
    );
    r.add("src/k.py", format!("KEY = \"{}\"\n", aws_key_id()));
    r.commit("deploy");
    r
}

fn ci(r: &Repo, format: &str) -> Run {
    let run = r.charter(&["ci", "--range", "HEAD~1..HEAD", "--format", format]);
    assert_eq!(
        run.code,
        1,
        "a key is a deny, in every format:\n{}",
        run.all()
    );
    assert!(
        !run.all().contains(&aws_key_id()),
        "the key leaked into {format} output:\n{}",
        run.all()
    );
    assert!(
        !run.all().contains("Z7QW3LRT5XKP2M4N"),
        "part of the key leaked into {format} output"
    );
    run
}

/// What installs the validator, for the message of a missing prerequisite.
const MULTITOOL_INSTALL: &str = "install Node.js with npm (`apt-get install npm`): the test runs \
     `npm install @microsoft/sarif-multitool@5` into $CARGO_TARGET_DIR/tmp, or set SARIF_MULTITOOL to its binary";

/// The multitool's self-contained binary, installed from npm once under cargo's target tmp directory
/// (`CARGO_TARGET_TMPDIR`, which follows `CARGO_TARGET_DIR`) and reused; `Err` says why it is missing.
fn multitool() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("SARIF_MULTITOOL") {
        return Ok(PathBuf::from(p));
    }
    if !cfg!(target_os = "linux") {
        return Err(
            "the SARIF Multitool npm package (installed automatically on Linux only)".into(),
        );
    }
    let prefix = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sarif-multitool");
    let exe = prefix.join("node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
    if !exe.exists() {
        std::fs::create_dir_all(&prefix).map_err(|e| format!("{}: {e}", prefix.display()))?;
        let installed = Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--silent", "--prefix"])
            .arg(&prefix)
            .arg("@microsoft/sarif-multitool@5")
            .output();
        match installed {
            Err(e) => return Err(format!("`npm` ({e})")),
            Ok(out) if !out.status.success() => {
                return Err(format!(
                    "the SARIF Multitool (`npm install` failed: {})",
                    String::from_utf8_lossy(&out.stderr).trim()
                ));
            }
            Ok(_) => {}
        }
    }
    if !exe.exists() {
        return Err(format!("the SARIF Multitool binary ({})", exe.display()));
    }
    // npm may skip the package's postinstall chmod.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755))
        .map_err(|e| format!("{}: {e}", exe.display()))?;
    Ok(exe)
}

#[test]
fn sarif_passes_the_sarif_multitool_validator() {
    let r = repo_with_findings();
    // A suppressed finding too: its result carries `suppressions` (SARIF 2.1.0 §3.27.23).
    r.add(
        "src/allowed.py",
        format!("KEY = \"{}\"  # gitleaks:allow\n", aws_key_id()),
    );
    // With `--show-suppressed`, every kind: an insecure pattern and a class signal silenced in
    // source, a placeholder removed by a filter (`external`).
    r.add(
        "src/client.py",
        "r = requests.get(url, verify=False)  # charter:allow\nclaims = jwt.decode(token, key)  # charter:allow=auth\n",
    );
    r.add(
        "src/conf.py",
        format!("API_TOKEN = \"{}${{TOKEN_FROM_ENV}}\"\n", "x".repeat(12)),
    );
    r.git(&["commit", "-q", "--amend", "--no-edit", "--no-verify"]);
    let run = r.charter(&[
        "ci",
        "--range",
        "HEAD~1..HEAD",
        "--format",
        "sarif",
        "--show-suppressed",
    ]);
    assert_eq!(run.code, 1, "{}", run.all());
    for needle in [
        "\"suppressions\"",
        "\"inSource\"",
        "\"external\"",
        "\"class-signal\"",
    ] {
        assert!(run.stdout.contains(needle), "{needle}: {}", run.stdout);
    }
    assert!(!run.stdout.contains("Z7QW3LRT5XKP2M4N"), "{}", run.stdout);
    let tool = match multitool() {
        Ok(tool) => tool,
        Err(what) => {
            missing_prerequisite(
                "sarif_passes_the_sarif_multitool_validator",
                &format!("{what} is missing"),
                MULTITOOL_INSTALL,
            );
            return;
        }
    };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("ci.sarif");
    let output = dir.path().join("validation.sarif");
    std::fs::write(&input, &run.stdout).unwrap();
    let out = Command::new(&tool)
        .arg("validate")
        .arg(&input)
        .arg("--output")
        .arg(&output)
        .args(["--log", "ForceOverwrite"])
        .env("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")
        .output()
        .expect("multitool runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "multitool failed:\n{said}");
    let log: Value = serde_json::from_str(&std::fs::read_to_string(&output).unwrap()).unwrap();
    let problems: Vec<String> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        // SARIF's default level is warning; only notes are acceptable.
        .filter(|x| x["level"].as_str().unwrap_or("warning") != "note")
        .map(|x| format!("{}: {}", x["ruleId"], x["message"]))
        .collect();
    assert!(
        problems.is_empty(),
        "validator findings:\n{}\n\n{}",
        problems.join("\n"),
        run.stdout
    );
    // A known-bad document must fail, or the check above proves nothing.
    std::fs::write(
        &input,
        r#"{"version":"2.1.0","runs":[{"tool":{"driver":{}}}]}"#,
    )
    .unwrap();
    let out = Command::new(&tool)
        .arg("validate")
        .arg(&input)
        .arg("--output")
        .arg(&output)
        .args(["--log", "ForceOverwrite"])
        .env("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")
        .output()
        .unwrap();
    let log: Value = serde_json::from_str(&std::fs::read_to_string(&output).unwrap()).unwrap();
    let errors = log["runs"][0]["results"]
        .as_array()
        .map_or(0, |a| a.iter().filter(|x| x["level"] == "error").count());
    assert!(
        errors > 0 || !out.status.success(),
        "the validator accepted a driver without a name"
    );
}

#[test]
fn sarif_has_rules_from_metadata_locations_commits_and_secret_free_fingerprints() {
    let r = repo_with_findings();
    let doc: Value = serde_json::from_str(&ci(&r, "sarif").stdout).unwrap();
    assert_eq!(doc["version"], "2.1.0");
    let run = &doc["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let secret_rule = rules
        .iter()
        .position(|x| x["id"] == "CH-SECRET-001")
        .expect("rule from METADATA");
    assert_eq!(
        rules[secret_rule]["shortDescription"]["text"],
        "No secrets in commits"
    );
    assert!(
        rules[secret_rule]["properties"]["security-severity"]
            .as_str()
            .is_some()
    );
    let results = run["results"].as_array().unwrap();
    let commit = r.git(&["rev-parse", "HEAD"]).trim().to_string();
    let mut uris = Vec::new();
    for res in results.iter().filter(|x| x["ruleId"] == "CH-SECRET-001") {
        assert_eq!(res["ruleIndex"], secret_rule);
        assert_eq!(res["level"], "error");
        assert_eq!(res["properties"]["commit"], commit.as_str());
        let fp = res["partialFingerprints"]["gitCharter/v1"]
            .as_str()
            .unwrap();
        assert!(
            fp.len() >= 16 && fp.bytes().all(|b| b.is_ascii_hexdigit()),
            "{fp}"
        );
        let loc = &res["locations"][0]["physicalLocation"];
        uris.push(loc["artifactLocation"]["uri"].as_str().unwrap().to_string());
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
    }
    uris.sort();
    assert_eq!(uris, ["ops/de%2Cploy%3A%20prod.sh", "src/k.py"]);
    // Same secret, same file, another commit and line: the same fingerprint, so code scanning keeps one alert.
    let fingerprint_of = |doc: &Value| -> String {
        doc["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| {
                x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "src/k.py"
            })
            .map(|x| {
                x["partialFingerprints"]["gitCharter/v1"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .expect("a result on src/k.py")
    };
    let first = fingerprint_of(&doc);
    r.git(&["rm", "-q", "src/k.py"]);
    r.commit("remove the key");
    r.add(
        "src/k.py",
        format!("import os\n\nKEY = \"{}\"\n", aws_key_id()),
    );
    r.commit("put it back lower down");
    let again: Value = serde_json::from_str(&ci(&r, "sarif").stdout).unwrap();
    assert_eq!(fingerprint_of(&again), first);
    let other_secret = results
        .iter()
        .find(|x| x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] != "src/k.py")
        .unwrap();
    assert_ne!(
        other_secret["partialFingerprints"]["gitCharter/v1"]
            .as_str()
            .unwrap(),
        first
    );
}

#[test]
fn github_annotations_escape_file_names_and_name_the_commit() {
    let r = repo_with_findings();
    let run = ci(&r, "github");
    let commit = r
        .git(&["rev-parse", "--short=12", "HEAD"])
        .trim()
        .to_string();
    let lines: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("::error "))
        .collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    let odd = lines
        .iter()
        .find(|l| l.contains("file=ops/de%2Cploy%3A prod.sh,"))
        .unwrap_or_else(|| panic!("`,` and `:` in a property must be escaped:\n{}", run.stdout));
    assert!(
        odd.starts_with("::error file=ops/de%2Cploy%3A prod.sh,line=3,title=CH-SECRET-001 "),
        "{odd}"
    );
    let (_, message) = odd.split_once("::").unwrap().1.split_once("::").unwrap();
    assert!(!message.contains('\n'));
    assert!(message.contains(&format!("(commit {commit})")), "{message}");
    assert!(
        message.contains("%0A"),
        "the remediation follows on an escaped new line: {message}"
    );
    assert!(
        run.stdout
            .lines()
            .last()
            .unwrap()
            .starts_with("git-charter ci: denied"),
        "{}",
        run.stdout
    );
}

#[test]
fn json_report_is_versioned_and_names_each_violations_commit() {
    let r = repo_with_findings();
    let doc: Value = serde_json::from_str(&ci(&r, "json").stdout).unwrap();
    let commit = r.git(&["rev-parse", "HEAD"]).trim().to_string();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["tool"], "git-charter");
    assert_eq!(doc["verdict"], "denied");
    assert_eq!(doc["stage"], "ci");
    assert_eq!(doc["commits"], 1);
    for key in ["stats", "baselined", "violations", "tool_version"] {
        assert!(doc.get(key).is_some(), "missing {key}: {doc:#}");
    }
    let v = &doc["violations"][0];
    for key in [
        "policy_id",
        "package",
        "title",
        "level",
        "severity",
        "message",
        "path",
        "line",
        "commit",
    ] {
        assert!(v.get(key).is_some(), "violation lacks {key}: {v:#}");
    }
    assert!(
        doc["violations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v["commit"] == commit.as_str())
    );
}
