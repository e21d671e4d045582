package gitcharter.lib.agent_test

import data.gitcharter.lib.agent

cmd(argv) := {"argv": argv, "env": {}, "git": null}

test_git_calls_and_options if {
	g := {"subcommand": "commit", "options": {"no-verify": true}}
	doc := {"agent": {"command": {"commands": [cmd(["ls"]), {"argv": ["git", "commit", "-n"], "git": g}]}}}
	count(agent.git_calls) == 1 with input as doc
	some [_, x] in agent.git_calls with input as doc
	agent.has_option(x, "no-verify")
	agent.subcommand(x) == "commit"
	not agent.has_option(x, "amend")
}

test_shown_shortens_long_commands if {
	agent.shown(cmd(["echo", "hi"])) == "echo hi"
	long := agent.shown(cmd(["x", concat("", [c | some _ in numbers.range(1, 200); c := "a"])]))
	endswith(long, "…")
	count(long) == 118
}

test_no_agent_call_is_empty if {
	count(agent.commands) == 0 with input as {}
	count(agent.git_calls) == 0 with input as {"agent": {"command": null}}
	agent.false_value(" False")
	not agent.false_value("true")
}
