package gitcharter.deps.review_test

import data.gitcharter.deps.review

charter := {"dependencies": {"review_tiers": ["trusted", "critical"], "review": {"trailers": [], "count": 1}}, "review": {"trailers": ["Reviewed-by"]}}

dep(tier) := {"ecosystem": "cargo", "manifest": "core/Cargo.toml", "name": "fresh", "change": "added", "tier": tier, "kind": "normal"}

doc(stage, tier, trailers) := {"stage": stage, "dependencies": [dep(tier)], "commit": {"author": {"name": "Ann", "email": "ann@example.com"}, "trailers": trailers, "ai_evidence": [{"strength": "strong"}]}}

test_an_ai_assisted_addition_in_a_reviewed_tier_needs_a_reviewer if {
	rs := review.deny with input as doc("commit-msg", "trusted", []) with data.charter as charter
	count(rs) == 1
	some r in rs
	contains(r.message, "fresh (core/Cargo.toml)")
	contains(r.message, "found 0")
}

test_a_reviewer_other_than_the_author_satisfies_it if {
	ok := [{"key": "Reviewed-by", "value": "Bob <bob@example.com>"}]
	count(review.deny) == 0 with input as doc("ci", "critical", ok) with data.charter as charter
	self := [{"key": "Reviewed-by", "value": "Ann <ann@example.com>"}]
	count(review.deny) == 1 with input as doc("ci", "critical", self) with data.charter as charter
}

test_other_tiers_and_commits_without_ai_pass if {
	count(review.deny) == 0 with input as doc("ci", "experimental", []) with data.charter as charter
	no_ai := object.union(doc("ci", "trusted", []), {"commit": {"trailers": [], "ai_evidence": []}})
	count(review.deny) == 0 with input as no_ai with data.charter as charter
	always := object.union(charter, {"dependencies": {"review_tiers": ["trusted"], "review": {"always": true}}})
	count(review.deny) == 1 with input as no_ai with data.charter as always
}

test_pre_commit_warns_what_the_commit_will_need if {
	rs := review.warn with input as doc("pre-commit", "trusted", []) with data.charter as charter
	count(rs) == 1
	count(review.deny) == 0 with input as doc("pre-commit", "trusted", []) with data.charter as charter
}

test_unknown_review_asks_a_review_for_an_unknown_package_in_any_tier if {
	unknown_dep := object.union(dep("experimental"), {"name_check": {"status": "unknown"}})
	inp := object.union(doc("ci", "experimental", []), {"dependencies": [unknown_dep]})
	c := object.union(charter, {"dependencies": {"review_tiers": ["trusted", "critical"], "unknown": "review"}})
	count(review.deny) == 1 with input as inp with data.charter as c
	count(review.deny) == 0 with input as inp with data.charter as charter
	no_ai := object.union(inp, {"commit": {"trailers": [], "ai_evidence": []}})
	count(review.deny) == 0 with input as no_ai with data.charter as c
}
