package gitcharter.deps.lockfile_test

import data.gitcharter.deps.lockfile

manifest(changed, n) := {"path": "Cargo.toml", "lockfiles": [{"path": "Cargo.lock", "changed": changed}], "lockfile_changed": changed, "dependency_changes": n}

dep(locked) := {"ecosystem": "cargo", "manifest": "Cargo.toml", "name": "fresh", "change": "added", "source": "registry", "kind": "normal", "locked": locked}

c := {"dependencies": {"lockfile": "deny"}}

test_changed_dependencies_without_the_lockfile_deny if {
	rs := lockfile.deny with input as {"manifests": [manifest(false, 2)], "dependencies": []} with data.charter as c
	count(rs) == 1
	some r in rs
	contains(r.message, "changes 2 dependencies but its lockfile (Cargo.lock) is not part of the commit")
}

test_an_added_dependency_missing_from_the_changed_lockfile_denies if {
	rs := lockfile.deny with input as {"manifests": [manifest(true, 1)], "dependencies": [dep([])]} with data.charter as c
	count(rs) == 1
	count(lockfile.deny) == 0 with input as {"manifests": [manifest(true, 1)], "dependencies": [dep(["1.0.0"])]} with data.charter as c
}

test_no_lockfile_or_no_dependency_change_passes if {
	no_lock := {"path": "requirements.txt", "lockfiles": [], "lockfile_changed": null, "dependency_changes": 3}
	count(lockfile.deny) == 0 with input as {"manifests": [no_lock]} with data.charter as c
	count(lockfile.deny) == 0 with input as {"manifests": [manifest(false, 0)]} with data.charter as c
}

test_warn_setting_warns if {
	count(lockfile.warn) == 1 with input as {"manifests": [manifest(false, 1)]} with data.charter as {"dependencies": {"lockfile": "warn"}}
}
