# METADATA
# title: A "no AI" disclosure must not contradict the evidence
# description: >-
#   The commit states that no AI was used (a disclosure trailer whose value is one of
#   disclosure.none_values or matches disclosure.none_pattern, e.g. `AI-Assisted: no`, `Assisted-by: none.`,
#   `Assisted-by: No AI used`) while AI evidence of medium or strong strength is present. A false statement about automation is treated more seriously than a missing one.
# custom:
#   id: CH-AI-002
#   severity: critical
#   remediation: >-
#     Replace the "no AI" trailer with an accurate disclosure, e.g. `Assisted-by: <tool>:<model>`.
#   stages: [commit-msg, pre-push, ci]
package gitcharter.ai.no_ai_claim

import data.gitcharter.lib.disclosure as lib

evidence := e if {
	e := input.commit.ai_evidence
	is_array(e)
} else := []

deny contains result if {
	some t in data.gitcharter.lib.disclosure.none_claims
	contradicting := [e | some e in evidence; e.strength in {"strong", "medium"}]
	count(contradicting) > 0
	e := contradicting[0]
	result := {
		"message": sprintf("`%s: %s` says no AI was used, but the commit shows %s AI evidence (%s, %s: %q)", [t.key, t.value, e.strength, e.tool, e.where, e.text]),
		"remediation": sprintf("Replace `%s: %s` with an accurate disclosure, e.g. `Assisted-by: %s`.", [t.key, t.value, e.tool]),
	}
}
