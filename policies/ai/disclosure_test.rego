package gitcharter.ai.disclosure_test

import data.gitcharter.ai.disclosure
import data.gitcharter.lib.disclosure_test as cases

charter := {"disclosure": {
	"trailers": ["Assisted-by", "Generated-by", "AI-Assisted"],
	"none_values": ["no", "none"],
	"coauthor_counts": true,
	"require_for": "strong",
	"suggest": "Assisted-by: {tool}",
}}

claude_coauthor := {
	"signature": "claude-identity", "tool": "Claude Code", "strength": "strong",
	"where": "trailer", "key": "Co-Authored-By", "text": "Co-Authored-By: Claude <noreply@anthropic.com>",
}

footer := {
	"signature": "claude-code-footer", "tool": "Claude Code", "strength": "strong",
	"where": "message", "key": null, "text": "Generated with [Claude Code](https://claude.ai/code)",
}

prose := {
	"signature": "prose-mention", "tool": "claude", "strength": "weak",
	"where": "message", "key": null, "text": "Claude pointed",
}

commit(trailers, evidence) := {"stage": "commit-msg", "commit": {
	"message": "subject\n", "subject": "subject",
	"trailers": trailers, "ai_evidence": evidence,
}}

test_strong_evidence_without_disclosure_is_denied_with_the_trailer_to_add if {
	results := disclosure.deny with input as commit([], [footer]) with data.charter as charter
	count(results) == 1
	some r in results
	r.remediation == "Add `Assisted-by: Claude Code` to the end of the commit message (a trailer in the last paragraph)."
	contains(r.message, "Claude Code")
}

test_assisted_by_trailer_passes if {
	t := [{"key": "Assisted-by", "value": "Claude Code"}]
	count(disclosure.deny) == 0 with input as commit(t, [footer]) with data.charter as charter
}

test_disclosure_key_is_case_insensitive if {
	t := [{"key": "assisted-BY", "value": "Claude Code"}]
	count(disclosure.deny) == 0 with input as commit(t, [footer]) with data.charter as charter
}

test_ai_coauthor_counts_as_disclosure_when_enabled if {
	t := [{"key": "Co-Authored-By", "value": "Claude <noreply@anthropic.com>"}]
	count(disclosure.deny) == 0 with input as commit(t, [claude_coauthor]) with data.charter as charter
}

test_ai_coauthor_does_not_count_when_the_charter_says_so if {
	t := [{"key": "Co-Authored-By", "value": "Claude <noreply@anthropic.com>"}]
	c := {"disclosure": object.union(charter.disclosure, {"coauthor_counts": false})}
	count(disclosure.deny) == 1 with input as commit(t, [claude_coauthor]) with data.charter as c
}

test_default_charter_claude_code_commit_needs_assisted_by if {
	t := [{"key": "Co-Authored-By", "value": "Claude <noreply@anthropic.com>"}]
	results := disclosure.deny with input as commit(t, [claude_coauthor, footer])
	count(results) == 1
	with_trailer := array.concat(t, [{"key": "Assisted-by", "value": "Claude Code"}])
	count(disclosure.deny) == 0 with input as commit(with_trailer, [claude_coauthor, footer])
}

test_no_ai_value_is_not_a_disclosure if {
	t := [{"key": "AI-Assisted", "value": "no"}]
	count(disclosure.deny) == 1 with input as commit(t, [footer]) with data.charter as charter
}

test_weak_evidence_only_warns if {
	count(disclosure.deny) == 0 with input as commit([], [prose]) with data.charter as charter
	count(disclosure.warn) == 1 with input as commit([], [prose]) with data.charter as charter
}

test_medium_blocks_when_required_for_medium if {
	agent := {"signature": "agent-trailer", "tool": "unspecified agent", "strength": "medium", "where": "trailer", "key": "Agent-Id", "text": "Agent-Id: x"}
	c := {"disclosure": object.union(charter.disclosure, {"require_for": "medium"})}
	results := disclosure.deny with input as commit([], [agent]) with data.charter as c
	count(results) == 1
	some r in results
	contains(r.remediation, "Assisted-by: <tool>:<model>")
}

test_no_evidence_passes if {
	count(disclosure.deny) == 0 with input as commit([], []) with data.charter as charter
	count(disclosure.warn) == 0 with input as commit([], []) with data.charter as charter
}

test_pre_commit_input_without_message_passes if {
	count(disclosure.deny) == 0 with input as {"stage": "pre-commit", "commit": {"message": null, "trailers": [], "ai_evidence": []}}
}

test_empty_input_passes if {
	count(disclosure.deny) == 0 with input as {}
	count(disclosure.warn) == 0 with input as {}
}

test_buried_disclosure_counts_but_warns if {
	buried := {
		"signature": "assisted-by-ai", "tool": "Claude Code", "strength": "strong",
		"where": "message", "key": "Assisted-by", "text": "Assisted-by: Claude Code",
	}
	count(disclosure.deny) == 0 with input as commit([], [buried, footer]) with data.charter as charter
	warnings := disclosure.warn with input as commit([], [buried, footer]) with data.charter as charter
	count(warnings) == 1
	some w in warnings
	contains(w.remediation, "Move `Assisted-by: Claude Code`")
}

# Table-driven, against the default charter: next to a Claude co-author (strong evidence), no empty,
# template or "no AI" value of any disclosure trailer counts as disclosure, and every real one does.
# The tables are those of the library's test (policies/lib/disclosure_test.rego).
deny_for(key, value) := r if {
	r := disclosure.deny with input as commit([{"key": key, "value": value}, {"key": "Co-Authored-By", "value": "Claude <noreply@anthropic.com>"}], [claude_coauthor])
}

test_non_disclosures_next_to_a_claude_coauthor_are_denied if {
	values := array.concat(cases.none_cases, cases.placeholder_cases)
	count(values) > 60
	passed := [[k, v] |
		some v in values
		some k in keys_for(v)
		not denied_as_non_disclosure(deny_for(k, v), k, v)
	]
	passed == []
}

# Every value under Assisted-by; a few under the other default keys too (each case costs an evaluation).
keys_for(v) := ["Assisted-by", "AI-Assisted", "Generated-by"] if v in {"", "none.", "No AI used", "<tool>:<model>", "TBD"}

else := ["Assisted-by"]

denied_as_non_disclosure(results, key, value) if {
	count(results) == 1
	some r in results
	contains(r.message, sprintf("`%s` is not a disclosure", [data.gitcharter.lib.disclosure.text({"key": key, "value": value})]))
	contains(r.remediation, "Assisted-by: Claude Code")
}

test_real_disclosures_next_to_a_claude_coauthor_pass if {
	count(cases.real_cases) > 10
	denied := [v | some v in cases.real_cases; count(deny_for("Assisted-by", v)) > 0]
	denied == []
}

test_a_real_disclosure_beside_a_placeholder_passes if {
	t := [{"key": "Assisted-by", "value": "TBD"}, {"key": "AI-Assisted", "value": "yes (Copilot)"}]
	count(disclosure.deny) == 0 with input as commit(t, [claude_coauthor])
}

test_a_buried_placeholder_does_not_disclose if {
	buried := {
		"signature": "disclosure-trailer", "tool": "unspecified", "strength": "medium",
		"where": "message", "key": "Assisted-by", "text": "Assisted-by: <tool>:<model>",
	}
	count(disclosure.deny) == 1 with input as commit([], [claude_coauthor, buried])
	count(disclosure.buried_disclosure) == 0 with input as commit([], [claude_coauthor, buried])
}

test_an_empty_disclosure_is_quoted_as_empty if {
	some r in deny_for("Assisted-by", "  ")
	endswith(r.message, "but `Assisted-by:` is not a disclosure")
	r.remediation == "Replace `Assisted-by:` with `Assisted-by: Claude Code`, naming the tool (and model) that helped."
}
