package gitcharter.deps.typosquat_test

import data.gitcharter.deps.typosquat

dep(status) := {"ecosystem": "npm", "manifest": "web/package.json", "name": "reqeusts-lib", "change": "added", "name_check": {"status": status, "resembles": "requests-lib", "how": "one edit"}}

doc(ds) := {"stage": "pre-commit", "dependencies": ds}

test_a_typosquat_denies_naming_what_it_resembles if {
	rs := typosquat.deny with input as doc([dep("typosquat")]) with data.charter as {"dependencies": {"typosquat": "deny"}}
	count(rs) == 1
	some r in rs
	r.path == "web/package.json"
	contains(r.message, `"requests-lib" (one edit)`)
	contains(r.message, `npm package "reqeusts-lib"`)
}

test_the_charter_can_make_it_warn_or_turn_it_off if {
	inp := doc([dep("typosquat")])
	count(typosquat.deny) == 0 with input as inp with data.charter as {"dependencies": {"typosquat": "warn"}}
	count(typosquat.warn) == 1 with input as inp with data.charter as {"dependencies": {"typosquat": "warn"}}
	count(typosquat.deny) + count(typosquat.warn) == 0 with input as inp with data.charter as {"dependencies": {"typosquat": "off"}}
}

test_allowed_names_and_other_statuses_pass if {
	c := {"dependencies": {"typosquat": "deny", "allow": ["npm:reqeusts-lib"]}}
	count(typosquat.deny) == 0 with input as doc([dep("typosquat")]) with data.charter as c
	c2 := {"dependencies": {"typosquat": "deny"}}
	count(typosquat.deny) == 0 with input as doc([dep("popular"), dep("known"), dep("unknown")]) with data.charter as c2
	removed := object.union(dep("typosquat"), {"change": "removed"})
	count(typosquat.deny) == 0 with input as doc([removed]) with data.charter as c2
}

test_no_dependencies_pass if {
	count(typosquat.deny) == 0 with input as {} with data.charter as {}
	count(typosquat.deny) == 0 with input as {"dependencies": null} with data.charter as {}
}
