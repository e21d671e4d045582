package gitcharter.agent.signing_test

import data.gitcharter.agent.signing

doc(g) := {"agent": {"event": "command", "command": {"commands": [{"argv": ["git", g.subcommand], "git": g}]}}}

required := {"agents": {"require_signed_commits": true}}

test_no_gpg_sign_is_refused_only_when_signing_is_required if {
	g := {"subcommand": "commit", "options": {"no-gpg-sign": true}}
	some r in signing.deny with input as doc(g) with data.charter as required
	contains(r.message, "--no-gpg-sign")
	count(signing.deny) == 0 with input as doc(g) with data.charter as {}
}

test_configuration_switching_signing_off_is_refused if {
	c := {"subcommand": "commit", "config": [{"key": "commit.gpgsign", "value": "false"}]}
	count(signing.deny) == 1 with input as doc(c) with data.charter as required
	on := {"subcommand": "commit", "config": [{"key": "commit.gpgsign", "value": "true"}]}
	count(signing.deny) == 0 with input as doc(on) with data.charter as required
	w := {"subcommand": "config", "config_writes": [{"key": "commit.gpgsign", "value": "no", "scope": "local"}]}
	count(signing.deny) == 1 with input as doc(w) with data.charter as required
	u := {"subcommand": "config", "config_writes": [{"key": "commit.gpgsign", "value": null, "scope": "local"}]}
	count(signing.deny) == 1 with input as doc(u) with data.charter as required
	t := {"subcommand": "tag", "options": {"no-sign": true}}
	count(signing.deny) == 1 with input as doc(t) with data.charter as required
}
