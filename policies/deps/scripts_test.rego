package gitcharter.deps.scripts_test

import data.gitcharter.deps.scripts

m(change) := {"path": "package.json", "scripts": [{"name": "postinstall", "command": "node fetch.js", "change": change}]}

test_added_and_changed_install_scripts_warn if {
	some r in scripts.warn with input as {"manifests": [m("added")]} with data.charter as {}
	contains(r.message, "adds the install-time script `postinstall`: node fetch.js")
	some r2 in scripts.warn with input as {"manifests": [m("changed")]} with data.charter as {}
	contains(r2.message, "changes")
}

test_deny_setting_denies if {
	count(scripts.deny) == 1 with input as {"manifests": [m("added")]} with data.charter as {"dependencies": {"install_scripts": "deny"}}
	count(scripts.warn) == 0 with input as {"manifests": [m("added")]} with data.charter as {"dependencies": {"install_scripts": "off"}}
	count(scripts.warn) == 0 with input as {"manifests": [{"path": "package.json"}]} with data.charter as {}
}
