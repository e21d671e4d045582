package gitcharter.ai.no_ai_claim_test

import data.gitcharter.ai.no_ai_claim
import data.gitcharter.lib.disclosure_test as cases

charter := {"disclosure": {"trailers": ["Assisted-by", "AI-Assisted"], "none_values": ["no", "none"]}}

coauthor := {
	"signature": "copilot-identity", "tool": "GitHub Copilot", "strength": "strong",
	"where": "trailer", "key": "Co-authored-by", "text": "Co-authored-by: Copilot <copilot@github.com>",
}

weak := {"signature": "prose-mention", "tool": "claude", "strength": "weak", "where": "message", "key": null, "text": "Claude pointed"}

commit(trailers, evidence) := {"commit": {"message": "s\n", "trailers": trailers, "ai_evidence": evidence}}

test_no_ai_claim_with_strong_evidence_is_denied if {
	t := [{"key": "AI-Assisted", "value": "No"}, {"key": "Co-authored-by", "value": "Copilot <copilot@github.com>"}]
	results := no_ai_claim.deny with input as commit(t, [coauthor]) with data.charter as charter
	count(results) == 1
	some r in results
	contains(r.message, "AI-Assisted: No")
	contains(r.remediation, "Assisted-by: GitHub Copilot")
}

test_no_ai_claim_without_evidence_passes if {
	t := [{"key": "Assisted-by", "value": "none"}]
	count(no_ai_claim.deny) == 0 with input as commit(t, []) with data.charter as charter
}

test_no_ai_claim_with_only_weak_evidence_passes if {
	t := [{"key": "Assisted-by", "value": "none"}]
	count(no_ai_claim.deny) == 0 with input as commit(t, [weak]) with data.charter as charter
}

test_real_disclosure_with_evidence_passes if {
	t := [{"key": "Assisted-by", "value": "GitHub Copilot"}]
	count(no_ai_claim.deny) == 0 with input as commit(t, [coauthor]) with data.charter as charter
}

test_empty_input_passes if {
	count(no_ai_claim.deny) == 0 with input as {}
}

# Table-driven, against the default charter: every "no AI" phrasing next to a Claude co-author is a
# contradiction; template text and real disclosures are not (CH-AI-001 judges those). The "no AI"
# table is the library's (policies/lib/disclosure_test.rego).
claude := {
	"signature": "claude-identity", "tool": "Claude Code", "strength": "strong",
	"where": "trailer", "key": "Co-Authored-By", "text": "Co-Authored-By: Claude <noreply@anthropic.com>",
}

deny_for(value) := r if {
	r := no_ai_claim.deny with input as commit([{"key": "Assisted-by", "value": value}], [claude])
}

test_every_no_ai_phrasing_next_to_a_claude_coauthor_is_denied if {
	count(cases.none_cases) > 20
	passed := [v | some v in cases.none_cases; count(deny_for(v)) != 1]
	passed == []
}

test_placeholders_and_real_disclosures_are_not_no_ai_claims if {
	values := ["", "?", "<tool>:<model>", "TBD", "xxx", "Claude Code", "claude:opus-4", "yes (Copilot)", "Nova Sonic", "Notion AI"]
	denied := [v | some v in values; count(deny_for(v)) > 0]
	denied == []
}
