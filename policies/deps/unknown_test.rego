package gitcharter.deps.unknown_test

import data.gitcharter.deps.unknown

dep := {"ecosystem": "pypi", "manifest": "requirements.txt", "name": "fancy-thing", "change": "added", "name_check": {"status": "unknown"}}

doc(stage, evidence) := {"stage": stage, "dependencies": [dep], "commit": {"ai_evidence": evidence, "trailers": []}}

strong := [{"strength": "strong", "tool": "claude"}]

test_an_ai_assisted_commit_adding_an_unknown_package_warns if {
	rs := unknown.warn with input as doc("commit-msg", strong) with data.charter as {"dependencies": {"unknown": "warn"}}
	count(rs) == 1
	some r in rs
	contains(r.message, `pypi package "fancy-thing" (requirements.txt)`)
}

test_a_commit_without_ai_evidence_and_pre_commit_pass if {
	c := {"dependencies": {"unknown": "deny"}}
	count(unknown.deny) == 0 with input as doc("commit-msg", []) with data.charter as c
	count(unknown.deny) == 0 with input as doc("commit-msg", [{"strength": "weak"}]) with data.charter as c
	count(unknown.deny) == 0 with input as doc("pre-commit", strong) with data.charter as c
	count(unknown.deny) == 1 with input as doc("ci", strong) with data.charter as c
}

test_allow_lists_vetted_names if {
	c := {"dependencies": {"unknown": "deny", "allow": ["fancy-thing"]}}
	count(unknown.deny) == 0 with input as doc("ci", strong) with data.charter as c
}

test_review_leaves_it_to_the_review_policy if {
	c := {"dependencies": {"unknown": "review"}}
	count(unknown.warn) + count(unknown.deny) == 0 with input as doc("ci", strong) with data.charter as c
}
