package gitcharter.agent.unread_test

import data.gitcharter.agent.unread

test_a_command_not_read_completely_is_refused if {
	some r in unread.deny with input as {"agent": {"command": {"error": "a `'` quote is not closed", "commands": []}}}
	contains(r.message, "quote is not closed")
	count(unread.deny) == 0 with input as {"agent": {"command": {"error": null, "commands": []}}}
}
