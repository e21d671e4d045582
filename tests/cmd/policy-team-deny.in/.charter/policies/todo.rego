# METADATA
# title: No TODO files
# description: Scratch notes belong in the issue tracker.
# custom:
#   id: TEAM-TODO-001
#   severity: low
#   remediation: Move the notes to the issue tracker.
package team.todo

deny contains "TODO.txt must not be committed" if {
  some f in input.files
  f.path == "TODO.txt"
}
