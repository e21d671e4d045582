# METADATA
# title: Agent writes a protected path
# description: >-
#   An agent is about to write (or just wrote) a path the charter protects from agents
#   (`agents.protected_paths`, by default the git hooks and `.charter/`, and the hooks directory
#   `core.hooksPath` names): by an edit tool, a redirection, or a command that changes files (`rm`,
#   `mv`, `cp`, `chmod`, `tee`, `sed -i`, …). The checks that judge an agent's work are changed by people.
# custom:
#   id: CH-AGENT-002
#   severity: high
#   remediation: >-
#     Leave these files to a person: say what should change and why, and let the repository's owners
#     make the change.
#   stages: [agent]
package gitcharter.agent.protected

deny contains result if {
	some cmd in data.gitcharter.lib.agent.commands
	some w in object.get(cmd, "writes", [])
	w.protected == true
	result := {
		"path": w.path,
		"message": sprintf("`%s` writes %s, which the charter protects from agents", [data.gitcharter.lib.agent.shown(cmd), w.path]),
	}
}

deny contains result if {
	data.gitcharter.lib.agent.call.event in {"edit", "edited"}
	some p in object.get(data.gitcharter.lib.agent.call, "paths", [])
	p.protected == true
	verb := {"edit": "would write", "edited": "wrote"}[data.gitcharter.lib.agent.call.event]
	result := {
		"path": p.path,
		"message": sprintf("%s %s %s, which the charter protects from agents", [object.get(data.gitcharter.lib.agent.call, "tool", "the edit"), verb, p.path]),
		"remediation": remediation(data.gitcharter.lib.agent.call.event),
	}
}

remediation("edited") := "Undo the change to this file (`git checkout -- <path>` or restore it by hand) and leave it to a person."

remediation("edit") := "Leave this file to a person: say what should change and why."
