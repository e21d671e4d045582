# METADATA
# title: Disclosure trailers follow the charter's format
# description: >-
#   The charter's disclosure.value_pattern (for example the Linux kernel's `AGENT_NAME:MODEL_VERSION`)
#   is a regular expression every disclosure value must match, so tools and models can be audited later.
# custom:
#   id: CH-AI-006
#   severity: low
#   remediation: >-
#     Write the disclosure in the format the charter asks for (see disclosure.value_pattern).
#   stages: [commit-msg, pre-push, ci]
package gitcharter.ai.disclosure_format

import data.gitcharter.lib.disclosure as lib

settings := data.gitcharter.lib.disclosure.settings

pattern := p if {
	p := object.get(settings, "value_pattern", null)
	is_string(p)
	p != ""
}

# Template text and "no AI" statements are judged by CH-AI-001 and CH-AI-002, not by format.
deny contains result if {
	some t in data.gitcharter.lib.disclosure.disclosures
	not regex.match(pattern, t.value)
	result := {"message": sprintf("`%s: %s` does not match the charter's disclosure format `%s`", [t.key, t.value, pattern])}
}

# Template text left in a disclosure trailer is not a disclosure. With AI evidence CH-AI-001 says so;
# without any, it is still worth fixing.
warn contains result if {
	count(object.get(input.commit, "ai_evidence", [])) == 0
	some t in data.gitcharter.lib.disclosure.placeholders
	result := {
		"message": sprintf("`%s` is template text, not a disclosure", [lib.text(t)]),
		"remediation": sprintf("Name the tool (and model) that helped, e.g. `%s: claude:opus-4`, or remove the trailer.", [t.key]),
	}
}
