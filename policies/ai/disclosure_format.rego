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

settings := object.get(data, ["charter", "disclosure"], {})

lc(x) := lower(x) if is_string(x)

else := ""

disclosure_keys contains lower(k) if {
	some k in object.get(settings, "trailers", [])
}

none_values contains lower(trim_space(v)) if {
	some v in object.get(settings, "none_values", [])
}

trailers := t if {
	t := input.commit.trailers
	is_array(t)
} else := []

pattern := p if {
	p := object.get(settings, "value_pattern", null)
	is_string(p)
	p != ""
}

deny contains result if {
	some t in trailers
	lc(t.key) in disclosure_keys
	not trim_space(lc(t.value)) in none_values
	not regex.match(pattern, t.value)
	result := {"message": sprintf("`%s: %s` does not match the charter's disclosure format `%s`", [t.key, t.value, pattern])}
}
