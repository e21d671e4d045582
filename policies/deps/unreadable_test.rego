package gitcharter.deps.unreadable_test

import data.gitcharter.deps.unreadable

test_a_manifest_or_lockfile_that_does_not_parse_warns if {
	inp := {"manifests": [{"path": "package.json", "error": "the new version does not parse: EOF", "lockfiles": [{"path": "yarn.lock", "error": "bad"}]}]}
	rs := unreadable.warn with input as inp with data.charter as {}
	count(rs) == 2
	count(unreadable.deny) == 2 with input as inp with data.charter as {"dependencies": {"unreadable": "deny"}}
	count(unreadable.warn) == 0 with input as {"manifests": [{"path": "package.json", "error": null, "lockfiles": []}]} with data.charter as {}
}
