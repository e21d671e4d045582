# METADATA
# title: No secrets in commits
# description: >-
#   A credential committed to git stays in history even after a later commit removes it, and every
#   clone has a copy. Staged content (hooks), each commit (ci) and scanned files are checked. A finding
#   an inline marker suppresses (`input.suppressed`) is judged by `secrets.inline_ignore`: `allow`
#   says nothing, `report` (the default) warns, `deny-new` denies a marker the change adds. A file over
#   `limits.max_file_size` is not scanned, and is a warning naming it.
# custom:
#   id: CH-SECRET-001
#   severity: critical
#   remediation: >-
#     Remove the secret, rotate it (assume it is compromised), and load it from the environment or a
#     secret manager. If it is a false positive, add a `# charter:allow` comment to the line or run
#     `git charter baseline`. An accepted exception with an end goes in `.charter/waivers.yaml` with
#     the finding's fingerprint.
#   stages: [pre-commit, commit-msg, pre-push, ci, scan, agent]
package gitcharter.secrets.leaked

deny contains result if {
	some finding in input.findings
	result := {
		"path": finding.path,
		"line": finding.line,
		"message": sprintf("%s%s: %s `%s`", [finding.rule_id, in_path(finding), finding.title, finding.preview]),
		"fingerprint": object.get(finding, "fingerprint", null),
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
		"message": sprintf("%s in the %s: %s `%s`", [finding.rule_id, field, finding.title, finding.preview]),
		"remediation": object.get(remediations, finding.path, sprintf("Remove the secret from the %s and rotate it.", [field])),
		"fingerprint": object.get(finding, "fingerprint", null),
	}
}

# ---- inline markers (`secrets.inline_ignore`) ----

inline_ignore := m if {
	m := data.charter.secrets.inline_ignore
	is_string(m)
} else := "report"

suppressed := s if {
	s := input.suppressed
	is_array(s)
} else := []

# Every stage but `scan` judges a change, and scans only its added lines: a marker on a
# suppressed finding's line was added by that change.
judges_change if input.stage != "scan"

marker(f) := m if {
	m := f.suppressed.marker
	is_string(m)
} else := "inline marker"

deny contains result if {
	inline_ignore == "deny-new"
	judges_change
	some f in suppressed
	result := {
		"path": f.path,
		"line": f.line,
		"message": sprintf("%s: %s `%s` is suppressed by a `%s` marker this change adds (secrets.inline_ignore: deny-new)", [f.rule_id, f.title, f.preview, marker(f)]),
		"remediation": "Remove the secret and rotate it; an accepted false positive goes in the baseline (git charter baseline), which a reviewer sees.",
		"fingerprint": object.get(f, "fingerprint", null),
	}
}

warn contains result if {
	warns_suppressed
	some f in suppressed
	result := {
		"path": f.path,
		"line": f.line,
		"message": sprintf("%s: %s `%s` is suppressed by a `%s` marker", [f.rule_id, f.title, f.preview, marker(f)]),
		"remediation": "Check that this is not a real secret; `secrets.inline_ignore: allow` silences these warnings.",
	}
}

warns_suppressed if inline_ignore == "report"

warns_suppressed if {
	inline_ignore == "deny-new"
	not judges_change
}

# ---- files not scanned ----

default max_file_size := "the limit"

max_file_size := data.charter.limits.max_file_size

# A file over `limits.max_file_size` is not scanned: padding a file past the limit must not pass
# without a word.
warn contains result if {
	some f in object.get(input, "files", [])
	f.skipped == "too-large"
	result := {
		"path": f.path,
		"message": sprintf("not scanned for secrets: %d bytes is over limits.max_file_size (%v)", [f.size, max_file_size]),
		"remediation": "Keep large generated or data files out of the commit, or raise limits.max_file_size in the charter so the file is scanned.",
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
