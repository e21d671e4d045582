package gitcharter.lib.approvals_test

import data.gitcharter.lib.approvals

charter := {
	"disclosure": {"trailers": ["Assisted-by"], "none_values": ["no"]},
	"review": {"ai_identities": ["[bot]@"], "ai_names": ["Claude"]},
	"tiers": {"critical": {"approvals": {"count": 1, "always": true}}, "trusted": {"approvals": {"signed_commit": true}}},
	"classes": {"crypto": {"approvals": {"count": 0}}},
}

doc(files, approvals, evidence) := {
	"commit": {"author": {"name": "A", "email": "A@example.com"}, "trailers": [], "ai_evidence": evidence, "approvals": approvals},
	"files": files,
}

test_requirements_apply_by_tier_and_ai_evidence if {
	files := [{"path": "core/a.rs", "tier": "critical", "classes": ["crypto"]}, {"path": "lib/b.rs", "tier": "trusted", "classes": []}]
	r := approvals.required with input as doc(files, [], []) with data.charter as charter
	object.keys(r) == {"the critical tier"}
	r["the critical tier"].paths == ["core/a.rs"]
	ai := [{"strength": "medium", "tool": "x", "where": "message", "text": "x"}]
	r2 := approvals.required with input as doc(files, [], ai) with data.charter as charter
	object.keys(r2) == {"the critical tier", "the trusted tier"}
}

test_rejections_in_order if {
	a := [
		{"signer": "x@example.com", "valid": false, "reason": "expired"},
		{"signer": "a@example.com", "valid": true},
		{"signer": "ci[bot]@example.com", "valid": true},
		{"signer": "ok@example.com", "valid": true, "roles": ["security"]},
	]
	c := approvals.counted with input as doc([], a, []) with data.charter as charter
	count(c) == 1
	c[0].signer == "ok@example.com"
	n := approvals.rejection_note with input as doc([], a, []) with data.charter as charter
	n == "; not counted: x@example.com (expired), a@example.com (the commit's author), ci[bot]@example.com (an AI identity)"
}

test_first_paths_cuts_after_three if {
	approvals.first_paths(["a", "b", "c", "d", "e"]) == "a, b, c and 2 more"
	approvals.first_paths(["a"]) == "a"
}
