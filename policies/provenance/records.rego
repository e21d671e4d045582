# METADATA
# title: A provenance record could not be read
# description: >-
#   An AI-provenance record about the commit (git-ai's note in `provenance.git_ai_ref`, an Agent Trace
#   record in `provenance.agent_trace_ref` or a file matching `provenance.agent_trace_paths`) does not
#   parse, is over `provenance.max_record_size`, or describes another commit. Its attributions are not
#   used; the commit is judged without them. Never fatal to the hook.
# custom:
#   id: CH-PROV-001
#   severity: low
#   remediation: >-
#     Fix or regenerate the record with the tool that wrote it; `git charter input --stage ci` shows
#     what was read (`commit.provenance.errors`).
#   stages: [commit-msg, pre-push, ci]
package gitcharter.provenance.records

errors := e if {
	e := input.commit.provenance.errors
	is_array(e)
} else := []

warn contains result if {
	some e in errors
	result := {"message": sprintf("%s record at %s not used: %s", [e.source, e.location, e.message])}
}
