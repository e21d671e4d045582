# METADATA
# title: AI evidence needs a disclosure trailer
# description: >-
#   The commit shows that an AI tool wrote or co-wrote it (its identity, footer or trailers) but does not
#   disclose it in a trailer the charter accepts (disclosure.trailers, e.g. Assisted-by). An empty value,
#   template text (`<tool>:<model>`, TBD) or a "no AI" statement is not a disclosure (disclosure.none_values,
#   none_pattern, placeholder_values, placeholder_pattern). Weaker evidence, below disclosure.require_for,
#   is only a warning.
# custom:
#   id: CH-AI-001
#   severity: high
#   remediation: >-
#     Add a disclosure trailer such as `Assisted-by: <tool>:<model>` to the commit message.
#   stages: [commit-msg, pre-push, ci]
package gitcharter.ai.disclosure

import data.gitcharter.lib.disclosure as lib

settings := data.gitcharter.lib.disclosure.settings

evidence := e if {
	e := input.commit.ai_evidence
	is_array(e)
} else := []

# Lower-case text, or "" for a missing or non-string field (lower(null) is an error).
lc(x) := lower(x) if is_string(x)

else := ""

rank := {"weak": 1, "medium": 2, "strong": 3}

required_rank := r if {
	r := rank[object.get(settings, "require_for", "strong")]
} else := 3

# A trailer the charter accepts as disclosure, whose value is a real disclosure (lib.is_real).
trailer_disclosed if data.gitcharter.lib.disclosure.disclosed

# The value of a `Key: value` line.
line_value(text) := regex.replace(text, `^[^:]*:`, "") if is_string(text)

else := ""

# A disclosure line buried mid-message (a squash merge) still discloses; `warn` asks to move it.
buried_disclosure contains e if {
	some e in evidence
	e.where == "message"
	lib.is_key(object.get(e, "key", null))
	lib.is_real(line_value(e.text))
}

# Disclosure trailers that do not disclose (template text, or "no AI", which CH-AI-002 judges).
not_disclosures := array.concat(data.gitcharter.lib.disclosure.placeholders, data.gitcharter.lib.disclosure.none_claims)

disclosed if trailer_disclosed

disclosed if count(buried_disclosure) > 0

# Claude Code, Copilot and aider add an AI Co-authored-by on their own; the charter decides whether it discloses.
disclosed if {
	object.get(settings, "coauthor_counts", false) == true
	some e in evidence
	e.where == "trailer"
	lc(object.get(e, "key", null)) == "co-authored-by"
	e.strength == "strong"
}

suggestion(tool) := s if {
	not startswith(tool, "unspecified")
	s := replace(object.get(settings, "suggest", "Assisted-by: {tool}"), "{tool}", tool)
} else := replace(object.get(settings, "suggest", "Assisted-by: {tool}"), "{tool}", "<tool>:<model>")

# The evidence list comes strongest first, so the first one names the tool to suggest.
blocking := [e | some e in evidence; rank[e.strength] >= required_rank]

below := [e | some e in evidence; rank[e.strength] < required_rank]

deny contains result if {
	not disclosed
	count(blocking) > 0
	count(not_disclosures) == 0
	e := blocking[0]
	result := {
		"message": sprintf("%s AI evidence (%s, %s: %q) but no disclosure trailer (%s)", [e.strength, e.tool, e.where, e.text, concat(", ", sort(object.get(settings, "trailers", [])))]),
		"remediation": sprintf("Add `%s` to the end of the commit message (a trailer in the last paragraph).", [suggestion(e.tool)]),
	}
}

deny contains result if {
	not disclosed
	count(blocking) > 0
	t := not_disclosures[0]
	e := blocking[0]
	result := {
		"message": sprintf("%s AI evidence (%s, %s: %q) but `%s` is not a disclosure", [e.strength, e.tool, e.where, e.text, lib.text(t)]),
		"remediation": sprintf("Replace `%s` with `%s`, naming the tool (and model) that helped.", [lib.text(t), suggestion(e.tool)]),
	}
}

warn contains result if {
	not disclosed
	count(blocking) == 0
	count(below) > 0
	e := below[0]
	result := {
		"message": sprintf("possible AI involvement (%s, %s: %q); disclose it if an AI tool helped", [e.tool, e.where, e.text]),
		"remediation": sprintf("If an AI tool helped, add `%s` to the commit message.", [suggestion(e.tool)]),
	}
}

warn contains result if {
	not trailer_disclosed
	some e in buried_disclosure
	result := {
		"message": sprintf("`%s` is inside the message body, where git does not read it as a trailer", [e.text]),
		"remediation": sprintf("Move `%s` to the last paragraph of the message, with the other trailers.", [e.text]),
	}
}
