package gitcharter.classes.forbid_test

import data.gitcharter.classes.forbid

charter := {
	"disclosure": {"trailers": ["Assisted-by"], "none_values": ["no"]},
	"classes": {"auth": {"ai": "forbid"}, "deps": {"ai": "allow"}},
}

strong := {"signature": "claude-footer", "tool": "Claude Code", "strength": "strong", "where": "message", "text": "Generated with Claude Code"}

weak := {"signature": "prose", "tool": "claude", "strength": "weak", "where": "message", "text": "claude"}

change(stage, classes, trailers, evidence) := {
	"stage": stage,
	"commit": {"trailers": trailers, "ai_evidence": evidence},
	"files": [{"path": "src/auth/login.py", "tier": "trusted", "classes": classes}],
}

test_ai_evidence_in_forbidden_class_is_denied if {
	results := forbid.deny with input as change("commit-msg", ["auth"], [], [strong]) with data.charter as charter
	count(results) == 1
	some r in results
	r.path == "src/auth/login.py"
	contains(r.message, "touches auth")
	contains(r.message, "Claude Code")
}

test_disclosure_trailer_counts_as_ai if {
	t := [{"key": "assisted-by", "value": "Copilot"}]
	count(forbid.deny) == 1 with input as change("ci", ["auth"], t, []) with data.charter as charter
}

test_disclosure_saying_no_is_not_ai if {
	t := [{"key": "Assisted-by", "value": "no"}]
	count(forbid.deny) == 0 with input as change("ci", ["auth"], t, []) with data.charter as charter
}

test_weak_evidence_passes if {
	count(forbid.deny) == 0 with input as change("commit-msg", ["auth"], [], [weak]) with data.charter as charter
}

test_allowed_class_passes if {
	count(forbid.deny) == 0 with input as change("commit-msg", ["deps"], [], [strong]) with data.charter as charter
}

test_precommit_warns_instead_of_denying if {
	inp := change("pre-commit", ["auth"], [], [])
	count(forbid.deny) == 0 with input as inp with data.charter as charter
	ws := forbid.warn with input as inp with data.charter as charter
	count(ws) == 1
}

test_empty_input_and_charter_pass if {
	count(forbid.deny) == 0 with input as {} with data.charter as {}
	count(forbid.warn) == 0 with input as {} with data.charter as {}
}

test_missing_fields_are_tolerated if {
	inp := {"stage": "ci", "commit": {"trailers": null, "ai_evidence": [strong]}, "files": [{"path": "a", "classes": null}]}
	count(forbid.deny) == 0 with input as inp with data.charter as charter
}

# After an agent's edit the agent itself is the evidence: the edit is refused, not just warned about.
test_agent_edit_in_forbidden_class_is_denied if {
	agent := {"signature": "agent-hook", "tool": "claude-code:claude-sonnet-4-6", "strength": "strong", "where": "agent", "text": "Claude Code agent hook"}
	results := forbid.deny with input as change("agent", ["auth"], [], [agent]) with data.charter as charter
	some r in results
	contains(r.message, "claude-code:claude-sonnet-4-6")
}
