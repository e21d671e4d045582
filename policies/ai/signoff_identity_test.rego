package gitcharter.ai.signoff_identity_test

import data.gitcharter.ai.signoff_identity

ai_signoff := {
	"signature": "claude-identity", "tool": "Claude Code", "strength": "strong",
	"where": "trailer", "key": "Signed-off-by", "text": "Signed-off-by: Claude <noreply@anthropic.com>",
}

ai_coauthor := object.union(ai_signoff, {"key": "Co-Authored-By", "text": "Co-Authored-By: Claude <noreply@anthropic.com>"})

test_ai_signoff_is_denied if {
	results := signoff_identity.deny with input as {"commit": {"ai_evidence": [ai_signoff]}}
	count(results) == 1
	some r in results
	contains(r.message, "noreply@anthropic.com")
}

test_ai_coauthor_is_not_a_signoff if {
	count(signoff_identity.deny) == 0 with input as {"commit": {"ai_evidence": [ai_coauthor]}}
}

test_evidence_without_key_passes if {
	footer := {"signature": "claude-code-footer", "tool": "Claude Code", "strength": "strong", "where": "message", "key": null, "text": "Generated with Claude Code"}
	count(signoff_identity.deny) == 0 with input as {"commit": {"ai_evidence": [footer]}}
}

test_empty_input_passes if {
	count(signoff_identity.deny) == 0 with input as {}
}
