# METADATA
# title: Agent command not read completely
# description: >-
#   The agent's shell command could not be read completely (an unterminated quote, scripts nested
#   more than 8 deep, more than 4,096 commands, a brace expansion, a command substitution inside
#   `${…}`, a program name with glob characters): what the rest would run is not known, so the
#   command is refused before it runs. A shell refuses an unterminated quote itself.
# custom:
#   id: CH-AGENT-004
#   severity: medium
#   remediation: >-
#     Write the command plainly: close the quotes, spell out the words a brace expansion would make,
#     run nested scripts as separate commands.
#   stages: [agent]
package gitcharter.agent.unread

deny contains result if {
	why := data.gitcharter.lib.agent.call.command.error
	is_string(why)
	result := {"message": sprintf("the command could not be read completely (%s), so what it runs is not known", [why])}
}
