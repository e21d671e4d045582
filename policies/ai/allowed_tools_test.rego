package gitcharter.ai.allowed_tools_test

import data.gitcharter.ai.allowed_tools

charter := {"disclosure": {"trailers": ["Assisted-by"], "none_values": ["none"], "allowed_tools": ["Claude", "copilot"]}}

commit(trailers, evidence) := {"commit": {"message": "s\n", "trailers": trailers, "ai_evidence": evidence}}

codex := {
	"signature": "codex-identity", "tool": "OpenAI Codex", "strength": "strong",
	"where": "trailer", "key": "Co-Authored-By", "text": "Co-Authored-By: codex <noreply@openai.com>",
}

test_disallowed_tool_is_denied if {
	t := [{"key": "Assisted-by", "value": "Cursor (gpt-5)"}]
	results := allowed_tools.deny with input as commit(t, []) with data.charter as charter
	count(results) == 1
	some r in results
	contains(r.message, "Cursor (gpt-5)")
}

test_disallowed_ai_coauthor_is_denied if {
	count(allowed_tools.deny) == 1 with input as commit([], [codex]) with data.charter as charter
}

test_allowed_tool_passes_case_insensitively if {
	t := [{"key": "assisted-by", "value": "claude-code (Opus 4.6)"}]
	count(allowed_tools.deny) == 0 with input as commit(t, []) with data.charter as charter
}

test_none_value_is_not_a_tool if {
	t := [{"key": "Assisted-by", "value": "none"}]
	count(allowed_tools.deny) == 0 with input as commit(t, []) with data.charter as charter
}

test_empty_allow_list_allows_everything if {
	t := [{"key": "Assisted-by", "value": "Cursor"}]
	c := {"disclosure": {"trailers": ["Assisted-by"], "allowed_tools": []}}
	count(allowed_tools.deny) == 0 with input as commit(t, [codex]) with data.charter as c
}

test_empty_input_passes if {
	count(allowed_tools.deny) == 0 with input as {} with data.charter as charter
}
