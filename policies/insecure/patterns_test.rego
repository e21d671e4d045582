package gitcharter.insecure.patterns_test

import data.gitcharter.insecure.patterns

m(id, action) := {"id": id, "title": "TLS certificate verification turned off", "path": "a.py", "line": 3, "severity": "high", "action": action, "remediation": "Keep verification on."}

files(ms) := {"stage": "pre-commit", "files": [{"path": "a.py", "insecure": ms}]}

test_deny_action_denies_with_the_rule_remediation if {
	results := patterns.deny with input as files([m("tls-verify-disabled", "deny")]) with data.charter as {}
	count(results) == 1
	some r in results
	r.line == 3
	r.remediation == "Keep verification on."
	contains(r.message, "tls-verify-disabled")
}

test_warn_action_only_warns if {
	inp := files([m("tls-verify-disabled", "warn")])
	count(patterns.deny) == 0 with input as inp with data.charter as {}
	count(patterns.warn) == 1 with input as inp with data.charter as {}
}

test_charter_decides_when_the_match_has_no_action if {
	x := {"id": "chmod-777", "path": "s.sh", "line": 1}
	c := {"insecure": {"default": "warn", "rules": {"chmod-777": "deny"}}}
	count(patterns.deny) == 1 with input as files([x]) with data.charter as c
	count(patterns.deny) == 0 with input as files([x]) with data.charter as {"insecure": {"default": "warn"}}
	count(patterns.warn) == 1 with input as files([x]) with data.charter as {}
}

test_off_reports_nothing if {
	inp := files([m("tls-verify-disabled", "off")])
	count(patterns.deny) == 0 with input as inp with data.charter as {}
	count(patterns.warn) == 0 with input as inp with data.charter as {}
}

test_empty_input_passes if {
	count(patterns.deny) == 0 with input as {} with data.charter as {}
	count(patterns.deny) == 0 with input as {"files": [{"path": "a", "insecure": null}]} with data.charter as {}
}

test_hardcoded_credential_on_a_secret_line_is_left_to_the_secret_policy if {
	doc := {"stage": "pre-commit", "files": [{"path": "a.py", "insecure": [m("hardcoded-credential", "warn")]}], "findings": [{"path": "a.py", "line": 3, "rule_id": "aws-access-key-id"}]}
	count(patterns.warn) == 0 with input as doc with data.charter as {}
}

test_hardcoded_credential_elsewhere_still_warns if {
	doc := {"stage": "pre-commit", "files": [{"path": "a.py", "insecure": [m("hardcoded-credential", "warn")]}], "findings": [{"path": "a.py", "line": 9, "rule_id": "aws-access-key-id"}]}
	count(patterns.warn) == 1 with input as doc with data.charter as {}
}
