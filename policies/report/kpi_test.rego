package gitcharter.report.kpi_test

import data.gitcharter.report.kpi

charter := {
	"disclosure": {"trailers": ["Assisted-by"], "require_for": "strong"},
	"review": {"trailers": ["Reviewed-by"]},
	"classes": {"auth": {"ai": "review", "review": {"count": 1}}},
	"tiers": {"critical": {"ai": "allow", "review": {"always": true, "count": 2}}},
	"bulk": {"max_added_lines": 100},
}

file(path, tier, classes, lines) := {"path": path, "tier": tier, "classes": classes, "added_lines": lines}

author := {"name": "Dana Roe", "email": "dana@example.org"}

claude := {"signature": "claude-coauthor", "tool": "claude", "strength": "strong", "where": "trailer", "text": "Co-authored-by: Claude <noreply@anthropic.com>", "key": "Co-authored-by"}

commit_with(trailers, evidence) := {"author": author, "trailers": trailers, "ai_evidence": evidence}

test_plain_commit_needs_nothing if {
	facts := kpi.commit with input as {"stage": "ci", "commit": commit_with([], []), "files": [file("src/a.rs", "trusted", [], 3)]}
		with data.charter as charter
	facts == {"ai_assisted": false, "disclosed": false, "disclosure_required": false, "protected": [], "reviewers": 0, "reviewed_by": [], "bulk": false}
}

test_undisclosed_ai_commit_requires_disclosure if {
	facts := kpi.commit with input as {"stage": "ci", "commit": commit_with([], [claude]), "files": [file("src/a.rs", "trusted", [], 3)]}
		with data.charter as charter
	facts.ai_assisted
	facts.disclosure_required
	not facts.disclosed
}

test_disclosed_ai_commit if {
	t := [{"key": "Assisted-by", "value": "claude:opus-4"}]
	facts := kpi.commit with input as {"stage": "ci", "commit": commit_with(t, [claude]), "files": [file("src/a.rs", "trusted", [], 3)]}
		with data.charter as charter
	facts.disclosed
	facts.disclosure_required
}

test_disclosure_not_required_when_ch_ai_001_is_off if {
	c := object.union(charter, {"policies": {"disable": ["CH-AI-001"]}})
	facts := kpi.commit with input as {"stage": "ci", "commit": commit_with([], [claude]), "files": [file("src/a.rs", "trusted", [], 3)]}
		with data.charter as c
	not facts.disclosure_required
}

test_ai_change_to_review_class_met_and_unmet if {
	f := [file("src/auth/login.py", "trusted", ["auth"], 10)]
	unmet := kpi.commit with input as {"stage": "ci", "commit": commit_with([], [claude]), "files": f}
		with data.charter as charter
	unmet.protected == [{"kind": "class", "name": "auth", "met": false}]
	t := [{"key": "Reviewed-by", "value": "Sam Poe <sam@example.org>"}]
	met := kpi.commit with input as {"stage": "ci", "commit": commit_with(t, [claude]), "files": f}
		with data.charter as charter
	met.protected == [{"kind": "class", "name": "auth", "met": true}]
	met.reviewers == 1
}

test_author_does_not_review_own_change if {
	t := [{"key": "Reviewed-by", "value": "Dana Roe <dana@example.org>"}]
	facts := kpi.commit with input as {"stage": "ci", "commit": commit_with(t, [claude]), "files": [file("src/auth/x.py", "trusted", ["auth"], 1)]}
		with data.charter as charter
	facts.protected == [{"kind": "class", "name": "auth", "met": false}]
	facts.reviewers == 0
}

test_critical_tier_counts_only_ai_assisted_changes if {
	f := [file("infra/prod.tf", "critical", [], 1)]
	human := kpi.commit with input as {"stage": "ci", "commit": commit_with([], []), "files": f}
		with data.charter as charter
	human.protected == []
	t := [{"key": "Reviewed-by", "value": "Sam Poe <sam@example.org>"}]
	ai := kpi.commit with input as {"stage": "ci", "commit": commit_with(t, [claude]), "files": f}
		with data.charter as charter
	ai.protected == [{"kind": "tier", "name": "critical", "met": false}]
}

test_bulk_commit if {
	facts := kpi.commit with input as {"stage": "ci", "commit": commit_with([], []), "files": [file("gen/big.json", "trusted", [], 500)]}
		with data.charter as object.union(charter, {"bulk": {"max_added_lines": 100, "when": "always"}})
	facts.bulk
}

test_reviewers_count_every_review_trailer_the_charter_names if {
	c := object.union(charter, {
		"classes": {"auth": {"ai": "review", "review": {"trailers": ["Security-Reviewed-by"]}}},
		"review": {"ai_identities": ["noreply@anthropic.com"]},
	})
	t := [{"key": "Security-Reviewed-by", "value": "Sam Poe <sam@example.org>"}, {"key": "Reviewed-by", "value": "Lee Ray <lee@example.org>"}, {"key": "Reviewed-by", "value": "Claude <noreply@anthropic.com>"}]
	facts := kpi.commit with input as {"stage": "ci", "commit": commit_with(t, []), "files": []}
		with data.charter as c
	facts.reviewers == 2
}
