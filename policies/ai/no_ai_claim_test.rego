package gitcharter.ai.no_ai_claim_test

import data.gitcharter.ai.no_ai_claim

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
