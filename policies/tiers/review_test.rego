package gitcharter.tiers.review_test

import data.gitcharter.tiers.review

charter := {
	"disclosure": {"trailers": ["Assisted-by"], "none_values": ["no"]},
	"review": {"trailers": ["Reviewed-by"], "ai_identities": ["noreply@anthropic.com", "copilot"]},
	"tiers": {
		"default": "trusted",
		"critical": {"ai": "review", "review": {"count": 2, "always": true}},
		"trusted": {"ai": "review", "review": {"trailers": ["Acked-by"], "count": 1}},
		"experimental": {"ai": "allow"},
	},
}

strong := {"signature": "claude-footer", "tool": "Claude Code", "strength": "strong", "where": "message", "text": "Generated with Claude Code"}

alice := {"name": "Alice", "email": "alice@example.com"}

change(stage, tier, trailers, evidence) := {
	"stage": stage,
	"commit": {"author": alice, "trailers": trailers, "ai_evidence": evidence},
	"files": [{"path": "core/vm.c", "tier": tier, "classes": []}],
}

rb(v) := {"key": "Reviewed-by", "value": v}

test_critical_change_without_two_reviews_is_denied_even_without_ai if {
	results := review.deny with input as change("commit-msg", "critical", [rb("Bob <bob@example.com>")], []) with data.charter as charter
	count(results) == 1
	some r in results
	contains(r.message, "critical tier")
	contains(r.message, "needs 2 reviewer(s)")
	contains(r.message, "found 1")
	contains(r.remediation, "Reviewed-by: Name <email>")
}

test_critical_change_with_two_reviewers_passes if {
	t := [rb("Bob <bob@example.com>"), rb("Carol <carol@example.com>")]
	count(review.deny) == 0 with input as change("ci", "critical", t, []) with data.charter as charter
}

test_self_review_and_ai_reviewer_do_not_count if {
	t := [rb("alice <ALICE@example.com>"), rb("GitHub Copilot <copilot@github.com>"), rb("Bob <bob@example.com>")]
	count(review.deny) == 1 with input as change("ci", "critical", t, []) with data.charter as charter
}

test_ai_review_tier_needs_review_only_when_ai_assisted if {
	count(review.deny) == 0 with input as change("ci", "trusted", [], []) with data.charter as charter
	count(review.deny) == 1 with input as change("ci", "trusted", [], [strong]) with data.charter as charter
	t := [{"key": "Acked-by", "value": "Bob <bob@example.com>"}]
	count(review.deny) == 0 with input as change("ci", "trusted", t, [strong]) with data.charter as charter
}

test_experimental_tier_passes if {
	count(review.deny) == 0 with input as change("ci", "experimental", [], [strong]) with data.charter as charter
}

test_precommit_warns_what_critical_will_need if {
	ws := review.warn with input as change("pre-commit", "critical", [], []) with data.charter as charter
	count(ws) == 1
	some w in ws
	contains(w.message, "`Reviewed-by:`")
	not contains(w.message, "if AI-assisted")
}

test_empty_input_and_charter_pass if {
	count(review.deny) == 0 with input as {} with data.charter as {}
	count(review.warn) == 0 with input as {} with data.charter as {}
}
