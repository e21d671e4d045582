# METADATA
# title: An AI must not sign off a commit
# description: >-
#   `Signed-off-by` certifies the Developer Certificate of Origin, which only a person can do; the Linux
#   kernel's AI guidelines say an AI must never add it. The trailer names an AI tool's identity.
# custom:
#   id: CH-AI-003
#   severity: high
#   remediation: >-
#     Remove the AI's `Signed-off-by`, sign off yourself (`git commit -s`) and disclose the tool with
#     `Assisted-by: <tool>:<model>`.
#   stages: [commit-msg, pre-push, ci]
package gitcharter.ai.signoff_identity

lc(x) := lower(x) if is_string(x)

else := ""

evidence := e if {
	e := input.commit.ai_evidence
	is_array(e)
} else := []

deny contains result if {
	some e in evidence
	lc(object.get(e, "key", null)) == "signed-off-by"
	result := {
		"message": sprintf("`%s` is an AI identity (%s); an AI cannot certify the DCO", [e.text, e.tool]),
		"remediation": sprintf("Remove `%s`, add your own Signed-off-by (`git commit -s`) and disclose with `Assisted-by: %s`.", [e.text, e.tool]),
	}
}
