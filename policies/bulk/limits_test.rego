package gitcharter.bulk.limits_test

import data.gitcharter.bulk.limits

charter := {
	"disclosure": {"trailers": ["Assisted-by"], "none_values": ["no"]},
	"review": {"ai_identities": ["noreply@anthropic.com"]},
	"bulk": {
		"when": "ai-assisted",
		"max_added_lines": 100,
		"max_files": 3,
		"tiers": {"critical": {"max_added_lines": 10, "max_files": 0}},
		"approval_trailers": ["Bulk-Approved-by"],
		"exclude_classes": ["deps"],
		"exclude_paths": ["**/vendor/**"],
	},
}

strong := {"signature": "claude-footer", "tool": "Claude Code", "strength": "strong", "where": "message", "text": "Generated with Claude Code"}

alice := {"name": "Alice", "email": "alice@example.com"}

f(path, n, tier, classes) := {"path": path, "added_lines": n, "tier": tier, "classes": classes}

change(stage, files, trailers, evidence) := {
	"stage": stage,
	"commit": {"author": alice, "trailers": trailers, "ai_evidence": evidence},
	"files": files,
}

big := [f("src/a.rs", 80, "trusted", []), f("src/b.rs", 40, "trusted", [])]

test_ai_commit_over_line_limit_is_denied_naming_the_trailer if {
	results := limits.deny with input as change("commit-msg", big, [], [strong]) with data.charter as charter
	count(results) == 1
	some r in results
	contains(r.message, "120 added lines (limit 100)")
	contains(r.message, "`Bulk-Approved-by:`")
	contains(r.remediation, "Bulk-Approved-by: Name <email>")
}

test_approval_by_someone_else_passes if {
	t := [{"key": "bulk-approved-by", "value": "Bob <bob@example.com>"}]
	count(limits.deny) == 0 with input as change("ci", big, t, [strong]) with data.charter as charter
}

test_self_or_ai_approval_does_not_count if {
	t := [{"key": "Bulk-Approved-by", "value": "Alice <alice@example.com>"}, {"key": "Bulk-Approved-by", "value": "Claude <noreply@anthropic.com>"}]
	count(limits.deny) == 1 with input as change("ci", big, t, [strong]) with data.charter as charter
}

test_human_commit_passes_by_default if {
	count(limits.deny) == 0 with input as change("ci", big, [], []) with data.charter as charter
}

test_always_limits_every_commit if {
	c := object.union(charter, {"bulk": object.union(charter.bulk, {"when": "always"})})
	count(limits.deny) == 1 with input as change("ci", big, [], []) with data.charter as c
}

test_file_count_limit if {
	fs := [f("a", 1, "trusted", []), f("b", 1, "trusted", []), f("c", 1, "trusted", []), f("d", 1, "trusted", [])]
	results := limits.deny with input as change("ci", fs, [], [strong]) with data.charter as charter
	some r in results
	contains(r.message, "4 files (limit 3)")
}

test_per_tier_limit if {
	fs := [f("core/vm.c", 20, "critical", [])]
	results := limits.deny with input as change("ci", fs, [], [strong]) with data.charter as charter
	some r in results
	contains(r.message, "in the critical tier (limit 10)")
}

test_excluded_classes_and_paths_are_not_counted if {
	fs := [f("Cargo.lock", 5000, "trusted", ["deps"]), object.union(f("vendor/x/y.go", 5000, "trusted", []), {"bulk_excluded": true}), f("src/a.rs", 10, "trusted", [])]
	count(limits.deny) == 0 with input as change("ci", fs, [], [strong]) with data.charter as charter
}

test_within_limits_passes if {
	count(limits.deny) == 0 with input as change("ci", [f("src/a.rs", 10, "trusted", [])], [], [strong]) with data.charter as charter
}

test_precommit_warns if {
	inp := change("pre-commit", big, [], [])
	count(limits.deny) == 0 with input as inp with data.charter as charter
	count(limits.warn) == 1 with input as inp with data.charter as charter
}

test_empty_input_and_charter_pass if {
	count(limits.deny) == 0 with input as {} with data.charter as {}
	count(limits.warn) == 0 with input as {} with data.charter as {}
}
