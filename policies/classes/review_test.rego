package gitcharter.classes.review_test

import data.gitcharter.classes.review

charter := {
	"disclosure": {"trailers": ["Assisted-by"], "none_values": ["no"]},
	"review": {"trailers": ["Reviewed-by"], "ai_identities": ["noreply@anthropic.com", "[bot]"]},
	"classes": {
		"auth": {"ai": "review", "review": {"trailers": ["Security-Reviewed-by"], "count": 2}},
		"infra": {"ai": "review", "review": {"count": 1}},
		"ci": {"ai": "allow", "review": {"count": 1, "always": true}},
		"deps": {"ai": "allow", "review": {"count": 1}},
	},
}

strong := {"signature": "claude-footer", "tool": "Claude Code", "strength": "strong", "where": "message", "text": "Generated with Claude Code"}

alice := {"name": "Alice", "email": "alice@example.com"}

change(stage, classes, trailers, evidence) := {
	"stage": stage,
	"commit": {"author": alice, "trailers": trailers, "ai_evidence": evidence},
	"files": [{"path": "src/auth/login.py", "tier": "trusted", "classes": classes}],
}

sec(v) := {"key": "Security-Reviewed-by", "value": v}

test_ai_change_to_auth_without_reviews_is_denied_naming_the_trailer if {
	results := review.deny with input as change("commit-msg", ["auth"], [], [strong]) with data.charter as charter
	count(results) == 1
	some r in results
	contains(r.message, "needs 2 reviewer(s)")
	contains(r.message, "`Security-Reviewed-by:`")
	contains(r.remediation, "Security-Reviewed-by: Name <email>")
}

test_two_distinct_reviewers_pass if {
	t := [sec("Bob <bob@example.com>"), sec("Carol <carol@example.com>")]
	count(review.deny) == 0 with input as change("ci", ["auth"], t, [strong]) with data.charter as charter
}

test_same_reviewer_twice_counts_once if {
	t := [sec("Bob <bob@example.com>"), sec("Bobby <BOB@example.com>")]
	count(review.deny) == 1 with input as change("ci", ["auth"], t, [strong]) with data.charter as charter
}

test_author_and_ai_do_not_count if {
	t := [sec("Alice <alice@example.com>"), sec("Claude <noreply@anthropic.com>"), sec("Bob <bob@example.com>")]
	results := review.deny with input as change("ci", ["auth"], t, [strong]) with data.charter as charter
	count(results) == 1
	some r in results
	contains(r.message, "found 1")
	contains(r.message, "not counted")
}

test_wrong_trailer_key_does_not_count if {
	t := [{"key": "Reviewed-by", "value": "Bob <bob@example.com>"}, {"key": "Reviewed-by", "value": "Carol <c@example.com>"}]
	count(review.deny) == 1 with input as change("ci", ["auth"], t, [strong]) with data.charter as charter
}

test_class_without_own_trailers_uses_charter_review_trailers if {
	t := [{"key": "reviewed-BY", "value": "Bob <bob@example.com>"}]
	count(review.deny) == 0 with input as change("ci", ["infra"], t, [strong]) with data.charter as charter
	count(review.deny) == 1 with input as change("ci", ["infra"], [], [strong]) with data.charter as charter
}

test_human_change_to_ai_review_class_passes if {
	count(review.deny) == 0 with input as change("commit-msg", ["auth"], [], []) with data.charter as charter
}

test_always_review_applies_without_ai if {
	count(review.deny) == 1 with input as change("commit-msg", ["ci"], [], []) with data.charter as charter
}

test_class_without_review_rule_passes if {
	count(review.deny) == 0 with input as change("commit-msg", ["deps"], [], [strong]) with data.charter as charter
}

test_precommit_warns_what_the_commit_will_need if {
	inp := change("pre-commit", ["auth"], [], [])
	count(review.deny) == 0 with input as inp with data.charter as charter
	ws := review.warn with input as inp with data.charter as charter
	count(ws) == 1
	some w in ws
	contains(w.message, "`Security-Reviewed-by:`")
	contains(w.message, "if AI-assisted")
}

test_empty_input_and_charter_pass if {
	count(review.deny) == 0 with input as {} with data.charter as {}
	count(review.warn) == 0 with input as {} with data.charter as {}
}

test_missing_author_is_tolerated if {
	inp := {"stage": "ci", "commit": {"trailers": [sec("Bob <b@x>"), sec("Carol <c@x>")], "ai_evidence": [strong]}, "files": [{"path": "a", "classes": ["auth"]}]}
	count(review.deny) == 0 with input as inp with data.charter as charter
}

# After an agent's edit there is no message yet: the policy says what the commit will need.
test_agent_edit_warns_what_the_commit_will_need if {
	agent := {"signature": "agent-hook", "tool": "codex:gpt-5", "strength": "strong", "where": "agent", "text": "OpenAI Codex agent hook"}
	inp := change("agent", ["auth"], [], [agent])
	count(review.deny) == 0 with input as inp with data.charter as charter
	some w in review.warn with input as inp with data.charter as charter
	contains(w.message, "Security-Reviewed-by")
}
