# METADATA
# title: Disclosed AI tools must be allowed by the charter
# description: >-
#   A disclosure trailer, or an AI Co-authored-by, names a tool that is not in the charter's
#   disclosure.allowed_tools (case-insensitive substrings). An empty list allows any tool.
# custom:
#   id: CH-AI-004
#   severity: high
#   remediation: >-
#     Use a tool the charter allows, or ask the charter owners to add this one to disclosure.allowed_tools.
#   stages: [commit-msg, pre-push, ci]
package gitcharter.ai.allowed_tools

import data.gitcharter.lib.disclosure as lib

default settings := {}

settings := data.charter.disclosure

lc(x) := lower(x) if is_string(x)

else := ""

allowed := [lower(a) | some a in object.get(settings, "allowed_tools", []); is_string(a)]

evidence := e if {
	e := input.commit.ai_evidence
	is_array(e)
} else := []

is_allowed(text) if {
	some a in allowed
	contains(lc(text), a)
}

deny contains result if {
	count(allowed) > 0
	some t in data.gitcharter.lib.disclosure.disclosures
	not is_allowed(t.value)
	result := {"message": sprintf("`%s: %s` names a tool the charter does not allow (allowed: %s)", [t.key, t.value, concat(", ", allowed)])}
}

deny contains result if {
	count(allowed) > 0
	some e in evidence
	e.where == "trailer"
	lc(object.get(e, "key", null)) == "co-authored-by"
	e.strength == "strong"
	not is_allowed(e.text)
	not is_allowed(e.tool)
	result := {"message": sprintf("`%s` is an AI tool (%s) the charter does not allow (allowed: %s)", [e.text, e.tool, concat(", ", allowed)])}
}
