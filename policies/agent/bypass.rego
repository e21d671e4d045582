# METADATA
# title: Agent command bypasses the git hooks
# description: >-
#   An agent's shell command would switch off the hooks that judge its commits: `git commit
#   --no-verify` (or `-n`), `git merge --no-verify`, `git push --no-verify`, git configuration that
#   points elsewhere for hooks (`-c core.hooksPath=…`, `git config core.hooksPath …`, the
#   `GIT_CONFIG_*` variables), variables that tell a hook manager to skip them (`SKIP=` naming a
#   git-charter hook, `LEFTHOOK=0`, `HUSKY=0`, `GIT_CHARTER_BIN`), or uninstalling the hooks. The
#   command line is read as the shell reads it, so quoted text and comments never count.
# custom:
#   id: CH-AGENT-001
#   severity: high
#   remediation: >-
#     Run the command without the bypass. If a hook refuses the commit, fix what it reports; only
#     a person may decide to skip the checks.
#   stages: [agent]
package gitcharter.agent.bypass

# The hook ids of git-charter's .pre-commit-hooks.yaml, which `SKIP=` names to skip them.
hook_ids := {"git-charter", "git-charter-commit-msg", "git-charter-pre-push"}

commit_like := {"commit", "merge", "pull", "am", "revert", "cherry-pick"}

result(cmd, why) := {
	"message": sprintf("`%s` %s", [data.gitcharter.lib.agent.shown(cmd), why]),
	"remediation": "Run it without the bypass; when a hook refuses a commit, fix what it reports (only a person may decide to skip the checks).",
}

deny contains result(cmd, why) if {
	some [cmd, g] in data.gitcharter.lib.agent.git_calls
	data.gitcharter.lib.agent.subcommand(g) in commit_like
	data.gitcharter.lib.agent.has_option(g, "no-verify")
	why := sprintf("skips the hooks that judge the commit (--no-verify on git %s)", [data.gitcharter.lib.agent.subcommand(g)])
}

deny contains result(cmd, "skips the pre-push hook that judges the commits it pushes (--no-verify)") if {
	some [cmd, g] in data.gitcharter.lib.agent.git_calls
	data.gitcharter.lib.agent.subcommand(g) == "push"
	data.gitcharter.lib.agent.has_option(g, "no-verify")
}

deny contains result(cmd, why) if {
	some [cmd, g] in data.gitcharter.lib.agent.git_calls
	some s in object.get(g, "config", [])
	s.key == "core.hookspath"
	why := sprintf("points git at other hooks (core.hooksPath=%s)", [s.value])
}

deny contains result(cmd, "changes where git looks for hooks (core.hooksPath)") if {
	some [cmd, g] in data.gitcharter.lib.agent.git_calls
	some w in object.get(g, "config_writes", [])
	w.key == "core.hookspath"
}

# Variables that make a hook manager skip git-charter's hooks.
skips(name, value) if {
	name == "SKIP"
	some id in split(value, ",")
	trim_space(id) in hook_ids
}

skips("LEFTHOOK", value) if data.gitcharter.lib.agent.false_value(value)

skips("HUSKY", "0") := true

skips("HUSKY_SKIP_HOOKS", value) if not data.gitcharter.lib.agent.false_value(value)

skips("LEFTHOOK_EXCLUDE", value) if {
	some id in split(value, ",")
	startswith(trim_space(id), "git-charter")
}

# A stand-in binary the shims would run instead of git-charter.
skips("GIT_CHARTER_BIN", _) := true

# Where a variable reaches the hooks: a git command, a hook manager, or an assignment or export that
# holds for what follows (`HUSKY=0 npm ci` only skips installing husky).
reaches_hooks(cmd) if is_object(cmd.git)

reaches_hooks(cmd) if count(data.gitcharter.lib.agent.argv(cmd)) == 0

reaches_hooks(cmd) if data.gitcharter.lib.agent.argv(cmd)[0] in {"export", "declare", "typeset", "pre-commit", "prek", "lefthook", "husky"}

deny contains result(cmd, why) if {
	some cmd in data.gitcharter.lib.agent.commands
	reaches_hooks(cmd)
	some name, value in data.gitcharter.lib.agent.env(cmd)
	skips(name, value)
	why := sprintf("runs with %s=%s, which makes the hooks skip git-charter", [name, value])
}

# Taking the hooks out.
uninstalls(cmd) if {
	a := data.gitcharter.lib.agent.argv(cmd)
	count(a) >= 2
	a[0] in {"pre-commit", "prek", "lefthook", "husky"}
	a[1] == "uninstall"
}

uninstalls(cmd) if {
	a := data.gitcharter.lib.agent.argv(cmd)
	count(a) >= 2
	a[0] == "git-charter"
	"uninstall" in array.slice(a, 1, 3)
}

uninstalls(cmd) if {
	g := cmd.git
	is_object(g)
	data.gitcharter.lib.agent.subcommand(g) == "charter"
	some a in object.get(g, "args", [])
	a == "uninstall"
}

deny contains result(cmd, "uninstalls the hooks that judge commits") if {
	some cmd in data.gitcharter.lib.agent.commands
	uninstalls(cmd)
}

# A git alias that stands for a commit with a bypass, or for a shell command (`!…`).
alias_bypass(v) if regex.match(`(^|\s)(--no-verify|--no-ver|-[a-zA-Z]*n[a-zA-Z]*)(\s|$)`, v)

alias_bypass(v) if startswith(trim_space(v), "!")

deny contains result(cmd, why) if {
	some [cmd, g] in data.gitcharter.lib.agent.git_calls
	some s in object.get(g, "config", [])
	startswith(s.key, "alias.")
	alias_bypass(s.value)
	why := sprintf("defines the alias %s as `%s`, which runs around the hooks", [substring(s.key, 6, -1), s.value])
}

deny contains result(cmd, why) if {
	some [cmd, g] in data.gitcharter.lib.agent.git_calls
	some w in object.get(g, "config_writes", [])
	startswith(w.key, "alias.")
	is_string(w.value)
	alias_bypass(w.value)
	why := sprintf("defines the alias %s as `%s`, which runs around the hooks", [substring(w.key, 6, -1), w.value])
}

# Configuration git reads that can point hooks elsewhere.
deny contains result(cmd, why) if {
	some [cmd, g] in data.gitcharter.lib.agent.git_calls
	some w in object.get(g, "config_writes", [])
	regex.match(`^include(if\..*)?\.path$`, lower(w.key))
	why := sprintf("includes other configuration (%s), which can point git at other hooks", [w.key])
}

# Plumbing that makes commits without running any hook.
deny contains result(cmd, "makes a commit without the hooks (git commit-tree)") if {
	some [cmd, g] in data.gitcharter.lib.agent.git_calls
	data.gitcharter.lib.agent.subcommand(g) == "commit-tree"
}
