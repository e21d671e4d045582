package gitcharter.lib.deps_test

import data.gitcharter.lib.deps

d := {"ecosystem": "npm", "name": "@acme/ui", "manifest": "package.json", "change": "added"}

test_allow_takes_a_name_or_an_ecosystem_and_name if {
	deps.allowed(d) with data.charter as {"dependencies": {"allow": ["@acme/ui"]}}
	deps.allowed(d) with data.charter as {"dependencies": {"allow": ["NPM:@acme/ui"]}}
	not deps.allowed(d) with data.charter as {"dependencies": {"allow": ["pypi:@acme/ui"]}}
	not deps.allowed(d) with data.charter as {}
}

test_an_unknown_action_falls_back_to_warn if {
	deps.action("typosquat") == "warn" with data.charter as {"dependencies": {"typosquat": "loud"}}
	deps.action("typosquat") == "deny" with data.charter as {"dependencies": {"typosquat": "deny"}}
	deps.action("typosquat") == "warn" with data.charter as {}
}

test_describe_names_ecosystem_package_and_manifest if {
	deps.describe(d) == `npm package "@acme/ui" (package.json)`
}
