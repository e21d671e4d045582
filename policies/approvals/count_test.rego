package gitcharter.approvals.count_test

import data.gitcharter.approvals.count

charter := {
	"disclosure": {"trailers": ["Assisted-by"], "none_values": ["no"]},
	"review": {"ai_identities": ["noreply@anthropic.com"], "ai_names": ["Claude"]},
	"tiers": {
		"critical": {"approvals": {"count": 1, "roles": ["security"], "always": true}},
		"trusted": {"approvals": {"count": 2}},
	},
	"classes": {"crypto": {"approvals": {"count": 1}}},
}

alice := {"name": "Alice", "email": "alice@example.com"}

approval(signer, roles, valid, reason) := {"signer": signer, "roles": roles, "valid": valid, "reason": reason}

change(tier, classes, approvals, evidence) := {
	"stage": "ci",
	"commit": {"author": alice, "trailers": [], "ai_evidence": evidence, "approvals": approvals},
	"files": [{"path": "core/vault.rs", "tier": tier, "classes": classes}],
}

strong := [{"strength": "strong", "tool": "claude-code", "where": "trailer", "text": "x"}]

test_critical_change_without_approval_is_denied if {
	results := count.deny with input as change("critical", [], [], []) with data.charter as charter
	count(results) == 1
	some r in results
	contains(r.message, "the critical tier (core/vault.rs) needs 1 signed approval(s) with role security, found 0")
}

test_a_security_approval_passes if {
	a := [approval("sec@example.com", ["security"], true, null)]
	count(count.deny) == 0 with input as change("critical", [], a, []) with data.charter as charter
}

test_an_approval_without_the_role_does_not_count if {
	a := [approval("bob@example.com", ["release"], true, null)]
	count(count.deny) == 1 with input as change("critical", [], a, []) with data.charter as charter
}

test_rejected_approvals_are_named_with_the_reason if {
	a := [
		approval("mallory@example.com", [], false, "forged"),
		approval("alice@example.com", ["security"], true, null),
		approval("noreply@anthropic.com", ["security"], true, null),
	]
	results := count.deny with input as change("critical", [], a, []) with data.charter as charter
	some r in results
	contains(r.message, "found 0")
	contains(r.message, "mallory@example.com (forged)")
	contains(r.message, "alice@example.com (the commit's author)")
	contains(r.message, "noreply@anthropic.com (an AI identity)")
}

test_trusted_tier_needs_approvals_only_when_ai_assisted if {
	count(count.deny) == 0 with input as change("trusted", [], [], []) with data.charter as charter
	results := count.deny with input as change("trusted", [], [], strong) with data.charter as charter
	count(results) == 1
}

test_two_approvals_by_one_signer_count_once if {
	a := [approval("bob@example.com", [], true, null), approval("BOB@example.com", [], true, null)]
	results := count.deny with input as change("trusted", [], a, strong) with data.charter as charter
	some r in results
	contains(r.message, "found 1")
}

test_class_requirement_applies if {
	results := count.deny with input as change("experimental", ["crypto"], [], strong) with data.charter as charter
	some r in results
	contains(r.message, "class `crypto`")
}

test_every_role_listed_must_be_held if {
	c := object.union(charter, {"tiers": {"critical": {"approvals": {"count": 2, "roles": ["security", "lead"], "always": true}}}})
	a := [approval("sec@example.com", ["security"], true, null), approval("sec2@example.com", ["security"], true, null)]
	results := count.deny with input as change("critical", [], a, []) with data.charter as c
	count(results) == 1
	some r in results
	contains(r.message, "none by lead")
}

test_at_pre_push_a_missing_approval_only_warns if {
	doc := object.union(change("critical", [], [], []), {"stage": "pre-push"})
	count(count.deny) == 0 with input as doc with data.charter as charter
	results := count.warn with input as doc with data.charter as charter
	some r in results
	startswith(r.message, "before this can merge: the critical tier")
}
