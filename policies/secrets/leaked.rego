# METADATA
# title: No secrets in commits
# description: >-
#   A credential committed to git stays in history even after a later commit removes it, and every
#   clone has a copy. Staged content (hooks), each commit (ci) and scanned files are checked.
# custom:
#   id: CH-SECRET-001
#   severity: critical
#   remediation: >-
#     Remove the secret, rotate it (assume it is compromised), and load it from the environment or a
#     secret manager. If it is a false positive, add `charter:allow` to the line or run `git charter baseline`.
#   stages: [pre-commit, commit-msg, pre-push, ci, scan]
package gitcharter.secrets.leaked

deny contains result if {
	some finding in input.findings
	result := {
		"path": finding.path,
		"line": finding.line,
		"message": sprintf("%s: %s (%s)", [finding.rule_id, finding.title, finding.preview]),
	}
}

# A secret in the commit message: reported without a file (the message has no path in the tree).
deny contains result if {
	some finding in object.get(object.get(input, "commit", {}), "findings", [])
	result := {
		"line": finding.line,
		"message": sprintf("%s in the commit message: %s (%s)", [finding.rule_id, finding.title, finding.preview]),
		"remediation": "Remove the secret from the commit message (git commit --amend, or edit the message file) and rotate it.",
	}
}
