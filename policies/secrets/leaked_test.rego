package gitcharter.secrets.leaked_test

import data.gitcharter.secrets.leaked

finding := {
	"rule_id": "aws-access-key-id",
	"title": "AWS access key id",
	"path": "app/config.py",
	"line": 3,
	"column": 9,
	"end_line": 3,
	"preview": "AKIA…(20)",
	"fingerprint": "aws-access-key-id:app/config.py:0123456789abcdef",
}

test_finding_is_denied if {
	results := leaked.deny with input as {"findings": [finding]}
	count(results) == 1
	some r in results
	r.path == "app/config.py"
	r.line == 3
	contains(r.message, "aws-access-key-id")
	r.fingerprint == finding.fingerprint
}

test_a_finding_without_a_fingerprint_is_still_denied if {
	results := leaked.deny with input as {"findings": [object.remove(finding, ["fingerprint"])]}
	count(results) == 1
	some r in results
	r.fingerprint == null
}

test_no_finding_passes if {
	count(leaked.deny) == 0 with input as {"findings": []}
}

test_missing_findings_field_passes if {
	count(leaked.deny) == 0 with input as {}
}

test_secret_in_commit_message_is_denied if {
	results := leaked.deny with input as {"findings": [], "commit": {"findings": [object.union(finding, {"path": "<commit message>", "line": 4})]}}
	count(results) == 1
	some r in results
	r.line == 4
	contains(r.message, "commit message")
}

suppressed_finding := object.union(finding, {"suppressed": {"kind": "inSource", "marker": "gitleaks:allow"}})

doc(stage) := {"stage": stage, "findings": [], "suppressed": [suppressed_finding]}

test_suppressed_finding_is_not_denied_by_default_but_warned if {
	count(leaked.deny) == 0 with input as doc("ci")
	results := leaked.warn with input as doc("ci")
	count(results) == 1
	some r in results
	r.path == "app/config.py"
	contains(r.message, "gitleaks:allow")
}

test_inline_ignore_allow_is_silent if {
	count(leaked.deny) == 0 with input as doc("ci") with data.charter.secrets.inline_ignore as "allow"
	count(leaked.warn) == 0 with input as doc("ci") with data.charter.secrets.inline_ignore as "allow"
}

test_inline_ignore_deny_new_denies_a_marker_in_the_change if {
	results := leaked.deny with input as doc("ci") with data.charter.secrets.inline_ignore as "deny-new"
	count(results) == 1
	some r in results
	contains(r.message, "deny-new")
	count(leaked.warn) == 0 with input as doc("pre-commit") with data.charter.secrets.inline_ignore as "deny-new"
}

test_inline_ignore_deny_new_warns_in_a_scan if {
	count(leaked.deny) == 0 with input as doc("scan") with data.charter.secrets.inline_ignore as "deny-new"
	count(leaked.warn) == 1 with input as doc("scan") with data.charter.secrets.inline_ignore as "deny-new"
}

test_no_suppressed_field_warns_nothing if {
	count(leaked.warn) == 0 with input as {"findings": []}
}

test_a_file_over_the_size_limit_is_a_warning_naming_it if {
	doc := {"stage": "ci", "findings": [], "files": [{"path": "dump.sql", "size": 2000000, "skipped": "too-large"}]}
	results := leaked.warn with input as doc with data.charter.limits.max_file_size as 1048576
	count(results) == 1
	some r in results
	r.path == "dump.sql"
	contains(r.message, "1048576")
	count(leaked.deny) == 0 with input as doc
}

test_a_binary_file_is_not_a_warning if {
	count(leaked.warn) == 0 with input as {"files": [{"path": "logo.png", "size": 20, "skipped": "binary"}]}
}

test_secret_in_a_file_path_says_so if {
	results := leaked.deny with input as {"findings": [object.union(finding, {"line": 0, "column": 0, "end_line": 0})]}
	count(results) == 1
	some r in results
	contains(r.message, "aws-access-key-id in the file path")
}

test_secret_in_an_identity_names_the_field if {
	results := leaked.deny with input as {"findings": [], "commit": {"findings": [object.union(finding, {"path": "<author email>", "line": 1})]}}
	count(results) == 1
	some r in results
	contains(r.message, "in the author email")
	contains(r.remediation, "user.email")
}
