package gitcharter.lib.disclosure_test

import data.gitcharter.lib.disclosure

# Table-driven, against the default charter (`policy test` loads it as data.charter): each value
# with what it is. A value that is none or a placeholder never discloses.
none_cases := [
	"no", "No", "NO.", " none ", "None.", "NONE!", "none;", "nothing", "n/a", "N/A", "n/a.", "na",
	"false", "0", "not applicable", "Not used", "not used.", "None used", "No AI", "no AI.",
	"No AI used", "No AI used.", "no   ai   used", "\"none\"", "(none)", "No AI tools were used",
	"Not AI-assisted", "never", "without AI", "no-ai", "Nothing, written by hand",
]

placeholder_cases := [
	"", " ", "\t", "?", "??", "...", "…", "-", "--", "*", "<tool>:<model>", "<TOOL>:<MODEL>",
	"<tool>", "<>", "claude:<model>", "<AGENT_NAME>:<MODEL_VERSION>", "<your tool here>", "TBD",
	"tbd.", "TBA", "TODO", "todo: fill in", "FIXME", "xxx", "XXXX", "placeholder", "unknown",
	"tool:model", "agent:model", "AGENT_NAME:MODEL_VERSION", "{tool}", "{tool}:{model}",
]

real_cases := [
	"Claude Code", "claude:opus-4", "Claude Code:claude-opus-4", "yes (Copilot)", "yes",
	"GitHub Copilot", "Claude <noreply@anthropic.com>", "aider (gpt-4o)", "Cursor:gpt-5",
	"Nova Sonic", "Notion AI", "Devin", "OpenAI Codex, reviewed by hand", "claude-opus-4.1",
]

test_none_values_are_none_and_do_not_disclose if {
	bad := [v | some v in none_cases; not disclosure.is_none(v)]
	bad == []
	real := [v | some v in none_cases; disclosure.is_real(v)]
	real == []
}

test_placeholders_are_placeholders_and_do_not_disclose if {
	bad := [v | some v in placeholder_cases; not disclosure.is_placeholder(v)]
	bad == []
	real := [v | some v in placeholder_cases; disclosure.is_real(v)]
	real == []
}

test_real_disclosures_disclose if {
	bad := [v | some v in real_cases; not disclosure.is_real(v)]
	bad == []
}

test_non_strings_do_not_disclose if {
	not disclosure.is_real(null)
	not disclosure.is_real(1)
	not disclosure.is_real(["Claude"])
}

test_normalize if {
	disclosure.normalize("  No   AI used. ") == "no ai used"
	disclosure.normalize("\"None!\"") == "none"
	disclosure.normalize("yes (Copilot)") == "yes (copilot"
	disclosure.normalize(null) == ""
}

test_keys_are_case_insensitive if {
	disclosure.is_key("assisted-by")
	disclosure.is_key("AI-ASSISTED")
	not disclosure.is_key("Co-authored-by")
}

test_commit_lists if {
	t := [
		{"key": "Assisted-by", "value": "none."},
		{"key": "Generated-by", "value": "<tool>:<model>"},
		{"key": "AI-Tool", "value": ""},
		{"key": "Reviewed-by", "value": "Claude Code"},
	]
	not disclosure.disclosed with input.commit.trailers as t
	count(disclosure.none_claims) == 1 with input.commit.trailers as t
	count(disclosure.placeholders) == 2 with input.commit.trailers as t
	disclosure.disclosed with input.commit.trailers as array.concat(t, [{"key": "assisted-by", "value": "claude:opus-4"}])
}

# A team's charter decides: its own lists and patterns replace the default ones.
test_team_lists if {
	c := {"disclosure": {"trailers": ["Assisted-by"], "none_values": ["keine"], "placeholder_values": ["tbc"], "none_pattern": null, "placeholder_pattern": null}}
	disclosure.is_none("Keine.") with data.charter as c
	disclosure.is_placeholder("TBC") with data.charter as c
	disclosure.is_real("No AI tools were used") with data.charter as c
	not disclosure.is_real("") with data.charter as c
	not disclosure.is_real("?") with data.charter as c
}

test_missing_section_still_rejects_empty if {
	not disclosure.is_real("") with data.charter as {}
	disclosure.is_real("Claude") with data.charter as {}
	not disclosure.is_key("Assisted-by") with data.charter as {}
}
