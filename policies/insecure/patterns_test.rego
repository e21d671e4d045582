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

tier_files(tier, ms) := {"stage": "pre-commit", "files": [{"path": "tests/test_api.py", "tier": tier, "insecure": ms}]}

test_tls_verify_off_under_tests_only_warns_in_the_experimental_tier if {
	c := {"insecure": {"rules": {"tls-verify-disabled": "deny"}, "tiers": {"experimental": "warn"}}}
	inp := tier_files("experimental", [m("tls-verify-disabled", "deny")])
	count(patterns.deny) == 0 with input as inp with data.charter as c
	count(patterns.warn) == 1 with input as inp with data.charter as c
}

test_a_tier_cap_does_not_raise_or_touch_other_tiers if {
	c := {"insecure": {"tiers": {"experimental": "warn"}}}
	count(patterns.deny) == 1 with input as tier_files("trusted", [m("tls-verify-disabled", "deny")]) with data.charter as c
	count(patterns.warn) == 1 with input as tier_files("experimental", [m("chmod-777", "warn")]) with data.charter as c
	off := {"insecure": {"tiers": {"experimental": "off"}}}
	count(patterns.warn) == 0 with input as tier_files("experimental", [m("chmod-777", "warn")]) with data.charter as off
}

test_a_fixture_path_counts_as_experimental if {
	c := {"insecure": {"tiers": {"experimental": "warn"}}}
	x := object.union(m("tls-verify-disabled", "deny"), {"relaxed": true})
	count(patterns.deny) == 0 with input as tier_files("trusted", [x]) with data.charter as c
	count(patterns.warn) == 1 with input as tier_files("trusted", [x]) with data.charter as c
}

test_an_inline_allow_suppresses_the_finding if {
	x := object.union(m("tls-verify-disabled", "deny"), {"suppressed": {"kind": "inSource", "marker": "charter:allow"}})
	count(patterns.deny) == 0 with input as files([x]) with data.charter as {}
	count(patterns.warn) == 0 with input as files([x]) with data.charter as {}
}

test_the_message_shows_the_preview if {
	x := object.union(m("tls-verify-disabled", "deny"), {"preview": "requests.get(u, verify=False)"})
	some r in patterns.deny with input as files([x]) with data.charter as {}
	r.message == "TLS certificate verification turned off (tls-verify-disabled): requests.get(u, verify=False)"
}
