package gitcharter.ai.disclosure_format_test

import data.gitcharter.ai.disclosure_format

kernel := {"disclosure": {"trailers": ["Assisted-by"], "none_values": ["none"], "value_pattern": "^[^\\s:]+:[^\\s:]+"}}

commit(trailers) := {"commit": {"message": "s\n", "trailers": trailers, "ai_evidence": []}}

test_value_in_the_wrong_format_is_denied if {
	t := [{"key": "Assisted-by", "value": "Claude Code"}]
	count(disclosure_format.deny) == 1 with input as commit(t) with data.charter as kernel
}

test_value_in_the_kernel_format_passes if {
	t := [{"key": "Assisted-by", "value": "Claude:claude-opus-4 coccinelle"}]
	count(disclosure_format.deny) == 0 with input as commit(t) with data.charter as kernel
}

test_none_value_is_exempt if {
	t := [{"key": "Assisted-by", "value": "none"}]
	count(disclosure_format.deny) == 0 with input as commit(t) with data.charter as kernel
}

test_no_pattern_accepts_anything if {
	t := [{"key": "Assisted-by", "value": "Claude Code"}]
	c := {"disclosure": {"trailers": ["Assisted-by"], "value_pattern": null}}
	count(disclosure_format.deny) == 0 with input as commit(t) with data.charter as c
}

test_empty_input_passes if {
	count(disclosure_format.deny) == 0 with input as {} with data.charter as kernel
}

test_template_text_warns_only_without_ai_evidence if {
	t := [{"key": "Assisted-by", "value": "<tool>:<model>"}]
	results := disclosure_format.warn with input as {"commit": {"trailers": t, "ai_evidence": []}}
	count(results) == 1
	some r in results
	contains(r.message, "`Assisted-by: <tool>:<model>` is template text")
	e := {"signature": "claude-identity", "tool": "Claude Code", "strength": "strong", "where": "trailer", "key": "Co-Authored-By", "text": "x"}
	count(disclosure_format.warn) == 0 with input as {"commit": {"trailers": t, "ai_evidence": [e]}}
	count(disclosure_format.warn) == 0 with input as {"commit": {"trailers": [{"key": "Assisted-by", "value": "Claude Code"}], "ai_evidence": []}}
}

# Against the default charter's lists, with the kernel's format.
test_template_text_is_not_judged_by_format if {
	c := {"disclosure": object.union(data.charter.disclosure, {"value_pattern": kernel.disclosure.value_pattern})}
	t := [{"key": "Assisted-by", "value": "TBD"}, {"key": "Assisted-by", "value": "none"}]
	count(disclosure_format.deny) == 0 with input as {"commit": {"trailers": t}} with data.charter as c
	count(disclosure_format.deny) == 1 with input as {"commit": {"trailers": [{"key": "Assisted-by", "value": "Claude"}]}} with data.charter as c
}
