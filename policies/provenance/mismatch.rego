# METADATA
# title: The disclosure names another tool or model than the provenance records
# description: >-
#   The commit discloses AI help (a trailer of `disclosure.trailers`), and its provenance records
#   (git-ai notes, Agent Trace records) attribute lines to a tool or model the disclosure does not name:
#   the same tool, and the same model when both name one (a dated model version matches its undated
#   name). A commit with records and no disclosure at all is CH-AI-001's.
# custom:
#   id: CH-PROV-002
#   severity: medium
#   remediation: >-
#     Name every tool and model the records show in the disclosure, e.g.
#     `Assisted-by: claude-code:claude-sonnet-4-5`.
#   stages: [commit-msg, pre-push, ci]
package gitcharter.provenance.mismatch

identities := i if {
	i := input.commit.provenance.identities
	is_array(i)
} else := []

disclosed if data.gitcharter.lib.disclosure.disclosed

undisclosed := sort([i.identity | some i in identities; object.get(i, "disclosed", false) != true])

warn contains result if {
	disclosed
	count(undisclosed) > 0
	lines := sum([i.lines | some i in identities; object.get(i, "disclosed", false) != true])
	result := {
		"message": sprintf("the provenance records attribute %d line(s) to %s, which the disclosure does not name", [lines, concat(", ", undisclosed)]),
		"remediation": sprintf("Add `Assisted-by: %s` (or correct the disclosure) so that it names what the records show.", [undisclosed[0]]),
	}
}
