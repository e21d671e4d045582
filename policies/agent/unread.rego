# METADATA
# title: Agent command not read completely
# description: >-
#   The agent's shell command could not be read completely (an unterminated quote, scripts nested
#   too deep): what it runs was judged as far as it could be read. The git hooks and CI still judge
#   every commit it makes.
# custom:
#   id: CH-AGENT-004
#   severity: low
#   remediation: >-
#     Write the command so a shell reads it as intended (close the quotes, avoid deep nesting).
#   stages: [agent]
package gitcharter.agent.unread

warn contains result if {
	why := data.gitcharter.lib.agent.call.command.error
	is_string(why)
	result := {"message": sprintf("the command was not read completely (%s); only what could be read was judged", [why])}
}
