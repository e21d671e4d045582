# METADATA
# title: Database migrations say how to roll back
# description: >-
#   An example team policy written by `git charter init`: a commit that adds or changes a migration
#   carries a `Rollback:` trailer saying how to undo it. Edit or delete it; `git charter policy test`
#   runs the tests next to it.
# custom:
#   id: TEAM-EXAMPLE-001
#   severity: medium
#   remediation: >-
#     Add `Rollback: <how to undo this migration>` to the commit message.
#   stages: [commit-msg, pre-push, ci]
package gitcharter.team.example

migrations := sort([f.path |
	some f in object.get(input, "files", [])
	startswith(f.path, "migrations/")
	f.status != "deleted"
])

has_rollback if {
	some t in object.get(input.commit, "trailers", [])
	lower(t.key) == "rollback"
	trim_space(t.value) != ""
}

deny contains result if {
	count(migrations) > 0
	not has_rollback
	result := {
		"path": migrations[0],
		"message": sprintf("changes %d migration(s) without a `Rollback:` trailer", [count(migrations)]),
	}
}
