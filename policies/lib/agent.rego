# METADATA
# title: Agent tool-call helpers
# description: >-
#   Shared rules over `input.agent` for the agent-stage policies: the simple commands a shell command
#   line runs, their git invocations, and how to quote a command in a message.
package gitcharter.lib.agent

call := c if {
	c := input.agent
	is_object(c)
} else := {}

commands := c if {
	c := call.command.commands
	is_array(c)
} else := []

# [command, git invocation] for every simple command that runs git.
git_calls contains [cmd, g] if {
	some cmd in commands
	g := cmd.git
	is_object(g)
}

subcommand(g) := s if {
	s := g.subcommand
	is_string(s)
} else := ""

options(g) := o if {
	o := g.options
	is_object(o)
} else := {}

has_option(g, name) if object.get(options(g), name, null) != null

env(cmd) := e if {
	e := cmd.env
	is_object(e)
} else := {}

argv(cmd) := a if {
	a := cmd.argv
	is_array(a)
} else := []

# The command as the agent wrote it, shortened for a message.
shown(cmd) := s if {
	full := one_line(concat(" ", argv(cmd)))
	count(full) <= 120
	s := full
} else := sprintf("%s…", [substring(one_line(concat(" ", argv(cmd))), 0, 117)])

one_line(s) := replace(replace(s, "\r", " "), "\n", " ")

# A configuration value that switches a boolean off, as git reads it.
false_value(v) if lower(trim_space(v)) in {"false", "no", "off", "0", ""}
