package gitcharter.tiers.forbid_test

import data.gitcharter.tiers.forbid

charter := {
	"disclosure": {"trailers": ["Assisted-by"], "none_values": ["no"]},
	"tiers": {"default": "trusted", "critical": {"ai": "forbid"}, "trusted": {"ai": "allow"}},
}

strong := {"signature": "claude-footer", "tool": "Claude Code", "strength": "strong", "where": "message", "text": "Generated with Claude Code"}

change(stage, tier, trailers, evidence) := {
	"stage": stage,
	"commit": {"trailers": trailers, "ai_evidence": evidence},
	"files": [{"path": "core/vm.c", "tier": tier, "classes": []}],
}

test_ai_change_in_forbidden_tier_is_denied if {
	results := forbid.deny with input as change("commit-msg", "critical", [], [strong]) with data.charter as charter
	count(results) == 1
	some r in results
	contains(r.message, "critical tier")
	r.path == "core/vm.c"
}

test_disclosed_change_in_forbidden_tier_is_denied if {
	t := [{"key": "Assisted-by", "value": "Copilot"}]
	count(forbid.deny) == 1 with input as change("ci", "critical", t, []) with data.charter as charter
}

test_human_change_in_forbidden_tier_passes if {
	count(forbid.deny) == 0 with input as change("ci", "critical", [], []) with data.charter as charter
}

test_ai_change_in_open_tier_passes if {
	count(forbid.deny) == 0 with input as change("ci", "trusted", [], [strong]) with data.charter as charter
}

test_default_key_is_not_a_tier if {
	c := {"tiers": {"default": "forbid"}}
	count(forbid.deny) == 0 with input as change("ci", "default", [], [strong]) with data.charter as c
}

test_precommit_warns if {
	inp := change("pre-commit", "critical", [], [])
	count(forbid.warn) == 1 with input as inp with data.charter as charter
	count(forbid.deny) == 0 with input as inp with data.charter as charter
}

test_empty_input_and_charter_pass if {
	count(forbid.deny) == 0 with input as {} with data.charter as {}
}
