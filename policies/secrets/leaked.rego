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
		"message": sprintf("%s%s: %s (%s)", [finding.rule_id, in_path(finding), finding.title, finding.preview]),
	}
}

# Line 0: the secret is in the file's path itself (the path shown is redacted).
in_path(finding) := " in the file path" if finding.line == 0

else := ""

# A secret in the commit's own fields (message, author, committer, branch, pushed refs): reported
# without a file; the finding's path names the field (`<commit message>`, `<author email>`, ...).
deny contains result if {
	some finding in object.get(object.get(input, "commit", {}), "findings", [])
	field := trim_suffix(trim_prefix(finding.path, "<"), ">")
	result := {
		"line": finding.line,
		"message": sprintf("%s in the %s: %s (%s)", [finding.rule_id, field, finding.title, finding.preview]),
		"remediation": object.get(remediations, finding.path, sprintf("Remove the secret from the %s and rotate it.", [field])),
	}
}

remediations := {
	"<commit message>": "Remove the secret from the commit message (git commit --amend, or edit the message file) and rotate it.",
	"<author name>": identity_fix,
	"<author email>": identity_fix,
	"<committer name>": identity_fix,
	"<committer email>": identity_fix,
	"<branch name>": "Rename the branch (git branch -m NEW), delete it wherever it was pushed, and rotate the secret.",
	"<ref name>": "Push under another name, delete the ref wherever it was pushed, and rotate the secret.",
}

identity_fix := "Fix user.name and user.email (git config), rewrite the commit's identity (git commit --amend --reset-author), and rotate the secret."
