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
