package gitcharter.agent.protected_test

import data.gitcharter.agent.protected

test_commands_writing_protected_paths_are_refused if {
	c := {"argv": ["rm", "-f", ".git/hooks/pre-commit"], "writes": [{"path": ".git/hooks/pre-commit", "protected": true}]}
	doc := {"agent": {"event": "command", "command": {"commands": [c]}}}
	some r in protected.deny with input as doc
	r.path == ".git/hooks/pre-commit"
	contains(r.message, "`rm -f .git/hooks/pre-commit` writes .git/hooks/pre-commit")
	ok := {"argv": ["rm", "build/x"], "writes": [{"path": "build/x", "protected": false}]}
	count(protected.deny) == 0 with input as {"agent": {"event": "command", "command": {"commands": [ok]}}}
}

test_edits_of_protected_paths_are_refused_before_and_reported_after if {
	before := {"agent": {"event": "edit", "tool": "Write", "paths": [{"path": ".charter/charter.yaml", "protected": true}]}}
	some r in protected.deny with input as before
	contains(r.message, "Write would write .charter/charter.yaml")
	after := {"agent": {"event": "edited", "tool": "Edit", "paths": [{"path": ".charter/charter.yaml", "protected": true}]}}
	some r2 in protected.deny with input as after
	contains(r2.remediation, "Undo")
	count(protected.deny) == 0 with input as {"agent": {"event": "edit", "paths": [{"path": "src/a.rs", "protected": false}]}}
}
