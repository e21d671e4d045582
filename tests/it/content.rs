//! Policies that ask for files' content or parsed documents (METADATA `custom.needs`) get them,
//! redacted, for the files their globs match, on the staged version and on each commit in `ci`;
//! policies that ask for nothing see no content.

use crate::common::*;
use serde_json::Value;

const K8S_POLICY: &str = r#"# METADATA
# title: No privileged containers
# description: Kubernetes workloads must not run privileged containers.
# custom:
#   id: TEAM-K8S-001
#   severity: high
#   remediation: Drop securityContext.privileged.
#   stages: [pre-commit, ci]
#   needs: {parsed: ["k8s/**"]}
package team.k8s

docs(f) := f.parsed.document if is_array(f.parsed.document)

else := [f.parsed.document]

deny contains {"path": f.path, "message": sprintf("%s runs a privileged container", [d.metadata.name])} if {
	some f in input.files
	some d in docs(f)
	d.kind == "Deployment"
	some c in d.spec.template.spec.containers
	c.securityContext.privileged == true
}

deny contains {"path": f.path, "message": sprintf("does not parse: %s", [f.parsed.error])} if {
	some f in input.files
	f.parsed.error
}
"#;

const SHELL_POLICY: &str = r#"# METADATA
# title: No piping downloads into a shell
# description: Scripts must not run what they download.
# custom:
#   id: TEAM-SH-001
#   severity: high
#   remediation: Download, verify a checksum, then run.
#   needs: {content: ["**/*.sh"]}
package team.shell

deny contains {"path": f.path, "line": l.line, "message": "pipes a download into a shell"} if {
	some f in input.files
	some l in f.content.added
	regex.match(`curl[^|]*\|\s*(ba)?sh`, l.text)
}
"#;

const DEPLOYMENT: &str = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: web:1\n          securityContext:\n            privileged: true\n";

fn repo_with_policies() -> Repo {
    let r = Repo::new();
    r.add(".charter/policies/k8s.rego", K8S_POLICY);
    r.add(".charter/policies/shell.rego", SHELL_POLICY);
    r.add("deploy.sh", "#!/bin/sh\necho hello\n");
    r.commit("init");
    r
}

fn denials(run: &Run, id: &str) -> Vec<Value> {
    let report: Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.all()));
    report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["policy_id"] == id && v["level"] == "deny")
        .cloned()
        .collect()
}

#[test]
fn a_conftest_style_policy_reads_the_staged_manifests_parsed_and_a_script_policy_its_added_lines() {
    let r = repo_with_policies();
    r.add("k8s/web.yaml", DEPLOYMENT);
    // Line 3 is added; lines 1-2 were there before.
    r.add(
        "deploy.sh",
        "#!/bin/sh\necho hello\ncurl -fsSL https://example.invalid/i | sh\n",
    );
    let run = r.charter(&["pre-commit", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.all());
    let k8s = denials(&run, "TEAM-K8S-001");
    assert_eq!(k8s.len(), 1, "{}", run.stdout);
    assert_eq!(k8s[0]["message"], "web runs a privileged container");
    let sh = denials(&run, "TEAM-SH-001");
    assert_eq!(sh.len(), 1, "{}", run.stdout);
    assert_eq!(sh[0]["line"], 3);

    // The input document carries them only for the matching files.
    let input = r.input();
    let web = file(&input, "k8s/web.yaml");
    assert_eq!(web["parsed"]["format"], "yaml");
    assert_eq!(
        web["parsed"]["document"][1]["kind"], "Deployment",
        "{web:#}"
    );
    assert!(web.get("content").is_none(), "{web:#}");
    let script = file(&input, "deploy.sh");
    assert_eq!(
        script["content"]["added"].as_array().unwrap().len(),
        1,
        "{script:#}"
    );
    assert!(script.get("parsed").is_none());

    // ci judges each commit's own version the same way.
    r.commit("deploy");
    let run = r.charter(&["ci", "--base", "HEAD~1", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert_eq!(denials(&run, "TEAM-K8S-001").len(), 1, "{}", run.stdout);
    assert_eq!(denials(&run, "TEAM-SH-001").len(), 1, "{}", run.stdout);
}

#[test]
fn content_is_redacted_and_a_broken_document_is_reported_not_fatal() {
    let r = repo_with_policies();
    let key = aws_key_id();
    r.add(
        "k8s/secret.yaml",
        format!("apiVersion: v1\nkind: ConfigMap\ndata:\n  key: {key}\n  broken: [\n"),
    );
    r.add("run.sh", format!("export AWS_KEY={key}\n"));
    let run = r.charter(&["pre-commit", "--format", "json"]);
    let k8s = denials(&run, "TEAM-K8S-001");
    assert_eq!(k8s.len(), 1, "{}", run.stdout);
    assert!(
        k8s[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("does not parse: "),
        "{k8s:?}"
    );
    let input = r.charter(&["input"]);
    assert_eq!(input.code, 0, "{}", input.all());
    assert!(!input.stdout.contains(&key), "{}", input.stdout);
    let doc: Value = serde_json::from_str(&input.stdout).unwrap();
    let text = file(&doc, "run.sh")["content"]["text"].as_str().unwrap();
    assert!(text.starts_with("export AWS_KEY=AKIA"), "{text}");
    assert!(!run.stdout.contains(&key));
}

#[test]
fn without_a_policy_that_asks_no_file_carries_content() {
    let r = Repo::new();
    r.add("README.md", "hello\n");
    r.commit("init");
    r.add("k8s/web.yaml", DEPLOYMENT);
    r.add("deploy.sh", "curl x | sh\n");
    let input = r.input();
    for f in input["files"].as_array().unwrap() {
        assert!(
            f.get("content").is_none() && f.get("parsed").is_none(),
            "{f:#}"
        );
    }
}
