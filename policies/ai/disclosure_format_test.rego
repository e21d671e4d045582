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
