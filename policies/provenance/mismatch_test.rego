package gitcharter.provenance.mismatch_test

import data.gitcharter.provenance.mismatch

charter := {"disclosure": {"trailers": ["Assisted-by"], "none_values": ["no"]}}

commit(trailers, identities) := {"commit": {"trailers": trailers, "ai_evidence": [], "provenance": {"identities": identities}}}

ab(v) := {"key": "Assisted-by", "value": v}

cursor := {"identity": "cursor:gpt-4o", "tool": "cursor", "model": "gpt-4o", "lines": 12, "files": 1, "disclosed": false}

claude := {"identity": "claude-code:claude-sonnet-4-5", "tool": "claude-code", "model": "claude-sonnet-4-5", "lines": 30, "files": 2, "disclosed": true}

test_a_disclosure_naming_another_tool_warns if {
	results := mismatch.warn with input as commit([ab("claude-code:claude-sonnet-4-5")], [claude, cursor]) with data.charter as charter
	count(results) == 1
	some r in results
	contains(r.message, "12 line(s) to cursor:gpt-4o")
	contains(r.remediation, "Assisted-by: cursor:gpt-4o")
}

test_a_disclosure_naming_every_identity_passes if {
	count(mismatch.warn) == 0 with input as commit([ab("claude-code:claude-sonnet-4-5")], [claude]) with data.charter as charter
}

test_no_disclosure_is_ai_001s_business if {
	count(mismatch.warn) == 0 with input as commit([], [cursor]) with data.charter as charter
}
