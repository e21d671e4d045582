package gitcharter.deps.unpinned_test

import data.gitcharter.deps.unpinned

m(app) := {"path": "requirements.txt", "application": app}

dep(pinned, locked, kind) := {"ecosystem": "pypi", "manifest": "requirements.txt", "name": "flask", "change": "added", "source": "registry", "kind": kind, "pinned": pinned, "requirement": ">=2", "locked": locked}

test_an_unpinned_application_dependency_warns if {
	some r in unpinned.warn with input as {"manifests": [m(true)], "dependencies": [dep(false, null, "normal")]} with data.charter as {}
	contains(r.message, "`>=2`")
}

test_pinned_locked_library_and_dev_dependencies_pass if {
	count(unpinned.warn) == 0 with input as {"manifests": [m(true)], "dependencies": [dep(true, null, "normal")]} with data.charter as {}
	count(unpinned.warn) == 0 with input as {"manifests": [m(true)], "dependencies": [dep(false, ["2.0.1"], "normal")]} with data.charter as {}
	count(unpinned.warn) == 0 with input as {"manifests": [m(false)], "dependencies": [dep(false, null, "normal")]} with data.charter as {}
	count(unpinned.warn) == 0 with input as {"manifests": [m(true)], "dependencies": [dep(false, null, "dev")]} with data.charter as {}
	count(unpinned.warn) == 1 with input as {"manifests": [m(true)], "dependencies": [dep(false, [], "normal")]} with data.charter as {}
}
