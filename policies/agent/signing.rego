# METADATA
# title: Agent commits without the signature the charter requires
# description: >-
#   The charter requires signed commits (`agents.require_signed_commits`) and an agent's command
#   switches signing off: `--no-gpg-sign` (or `git tag --no-sign`), `-c commit.gpgsign=false`, or
#   `git config commit.gpgsign false`.
# custom:
#   id: CH-AGENT-003
#   severity: high
#   remediation: >-
#     Commit with signing on (leave out `--no-gpg-sign`); if no signing key is set up, ask the person
#     you work for to set one up.
#   stages: [agent]
package gitcharter.agent.signing

required if object.get(data.charter, ["agents", "require_signed_commits"], false) == true

signs := {"commit", "merge", "pull", "rebase", "revert", "cherry-pick", "am", "tag"}

off(g) := "--no-gpg-sign" if data.gitcharter.lib.agent.has_option(g, "no-gpg-sign")

else := "--no-sign" if {
	data.gitcharter.lib.agent.subcommand(g) == "tag"
	data.gitcharter.lib.agent.has_option(g, "no-sign")
}

else := sprintf("-c %s=%s", [s.key, s.value]) if {
	some s in object.get(g, "config", [])
	s.key in {"commit.gpgsign", "tag.gpgsign"}
	data.gitcharter.lib.agent.false_value(s.value)
}

deny contains result if {
	required
	some [cmd, g] in data.gitcharter.lib.agent.git_calls
	data.gitcharter.lib.agent.subcommand(g) in signs
	how := off(g)
	result := {"message": sprintf("`%s` switches commit signing off (%s), and the charter requires signed commits", [data.gitcharter.lib.agent.shown(cmd), how])}
}

deny contains result if {
	required
	some [cmd, g] in data.gitcharter.lib.agent.git_calls
	some w in object.get(g, "config_writes", [])
	w.key in {"commit.gpgsign", "tag.gpgsign"}
	w.value == null
	result := {"message": sprintf("`%s` unsets %s, and the charter requires signed commits", [data.gitcharter.lib.agent.shown(cmd), w.key])}
}

deny contains result if {
	required
	some [cmd, g] in data.gitcharter.lib.agent.git_calls
	some w in object.get(g, "config_writes", [])
	w.key in {"commit.gpgsign", "tag.gpgsign"}
	is_string(w.value)
	data.gitcharter.lib.agent.false_value(w.value)
	result := {"message": sprintf("`%s` switches %s off, and the charter requires signed commits", [data.gitcharter.lib.agent.shown(cmd), w.key])}
}
