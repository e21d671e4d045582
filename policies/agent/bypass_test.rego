package gitcharter.agent.bypass_test

import data.gitcharter.agent.bypass

git(argv, g) := {"argv": argv, "env": {}, "git": g}

doc(cmds) := {"stage": "agent", "agent": {"event": "command", "command": {"commands": cmds}}}

test_no_verify_on_commit_and_push_is_refused if {
	c := git(["git", "commit", "-n", "-m", "x"], {"subcommand": "commit", "options": {"no-verify": true}})
	some r in bypass.deny with input as doc([c])
	contains(r.message, "--no-verify on git commit")
	p := git(["git", "push", "--no-verify"], {"subcommand": "push", "options": {"no-verify": true}})
	some r2 in bypass.deny with input as doc([p])
	contains(r2.message, "pre-push")
}

test_dry_run_push_and_plain_commit_pass if {
	p := git(["git", "push", "-n"], {"subcommand": "push", "options": {"dry-run": true}})
	c := git(["git", "commit", "-m", "x"], {"subcommand": "commit", "options": {"message": "x"}})
	e := {"argv": ["echo", "git commit --no-verify"], "env": {}, "git": null}
	count(bypass.deny) == 0 with input as doc([p, c, e])
}

test_hooks_path_in_any_form_is_refused if {
	c := git(["git", "-c", "core.hooksPath=/dev/null", "commit"], {"subcommand": "commit", "config": [{"key": "core.hookspath", "value": "/dev/null"}]})
	some r in bypass.deny with input as doc([c])
	contains(r.message, "core.hooksPath=/dev/null")
	w := git(["git", "config", "core.hooksPath", "x"], {"subcommand": "config", "config_writes": [{"key": "core.hookspath", "value": "x", "scope": "local"}]})
	count(bypass.deny) == 1 with input as doc([w])
}

test_skip_variables_naming_our_hooks_are_refused if {
	s := {"argv": ["git", "commit"], "env": {"SKIP": "flake8,git-charter"}, "git": {"subcommand": "commit"}}
	some r in bypass.deny with input as doc([s])
	contains(r.message, "runs with SKIP=flake8,git-charter")
	other := {"argv": ["git", "commit"], "env": {"SKIP": "flake8"}, "git": {"subcommand": "commit"}}
	count(bypass.deny) == 0 with input as doc([other])
	count(bypass.deny) == 1 with input as doc([{"argv": [], "env": {"HUSKY": "0"}}])
	count(bypass.deny) == 1 with input as doc([{"argv": ["git", "commit"], "env": {"LEFTHOOK": "false"}, "git": {"subcommand": "commit"}}])
	count(bypass.deny) == 0 with input as doc([{"argv": ["git", "commit"], "env": {"LEFTHOOK": "1"}, "git": {"subcommand": "commit"}}])
	count(bypass.deny) == 1 with input as doc([{"argv": ["git", "commit"], "env": {"GIT_CHARTER_BIN": "true"}, "git": {"subcommand": "commit"}}])
	# Skipping husky's installation is not skipping a hook.
	count(bypass.deny) == 0 with input as doc([{"argv": ["npm", "ci"], "env": {"HUSKY": "0"}, "git": null}])
	count(bypass.deny) == 1 with input as doc([{"argv": ["export", "HUSKY=0"], "env": {"HUSKY": "0"}, "git": null}])
}

test_uninstalling_the_hooks_is_refused if {
	count(bypass.deny) == 1 with input as doc([{"argv": ["pre-commit", "uninstall"]}])
	count(bypass.deny) == 1 with input as doc([git(["git", "charter", "uninstall"], {"subcommand": "charter", "args": ["uninstall"]})])
	count(bypass.deny) == 0 with input as doc([{"argv": ["pre-commit", "install"]}])
}

test_aliases_includes_and_plumbing_that_skip_the_hooks_are_refused if {
	a := git(["git", "-c", "alias.ci=commit --no-verify", "ci"], {"subcommand": "ci", "config": [{"key": "alias.ci", "value": "commit --no-verify"}]})
	some r in bypass.deny with input as doc([a])
	contains(r.message, "alias ci")
	sh := git(["git", "config", "alias.x", "!git commit -n"], {"subcommand": "config", "config_writes": [{"key": "alias.x", "value": "!git commit -n", "scope": "local"}]})
	count(bypass.deny) == 1 with input as doc([sh])
	ok := git(["git", "config", "alias.st", "status -sb"], {"subcommand": "config", "config_writes": [{"key": "alias.st", "value": "status -sb", "scope": "local"}]})
	count(bypass.deny) == 0 with input as doc([ok])
	inc := git(["git", "config", "include.path", "/tmp/c"], {"subcommand": "config", "config_writes": [{"key": "include.path", "value": "/tmp/c", "scope": "local"}]})
	count(bypass.deny) == 1 with input as doc([inc])
	ct := git(["git", "commit-tree", "HEAD^{tree}"], {"subcommand": "commit-tree"})
	count(bypass.deny) == 1 with input as doc([ct])
}
