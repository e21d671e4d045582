package gitcharter.deps.sources_test

import data.gitcharter.deps.sources

dep(source, change, pinned) := {"ecosystem": "npm", "manifest": "package.json", "name": "x", "change": change, "source": source, "location": "someone/x", "pinned": pinned, "previous": {"source": "registry"}}

c := {"dependencies": {"sources": "warn"}}

test_git_url_and_path_sources_warn if {
	some s in ["git", "url", "path"]
	count(sources.warn) == 1 with input as {"dependencies": [dep(s, "added", true)]} with data.charter as c
}

test_an_unpinned_git_source_says_so if {
	some r in sources.warn with input as {"dependencies": [dep("git", "added", false)]} with data.charter as c
	contains(r.message, "not pinned to a commit or tag")
}

test_registry_and_unmoved_sources_pass if {
	count(sources.warn) == 0 with input as {"dependencies": [dep("registry", "added", false)]} with data.charter as c
	same := object.union(dep("git", "changed", true), {"previous": {"source": "git"}})
	count(sources.warn) == 0 with input as {"dependencies": [same]} with data.charter as c
	count(sources.warn) == 1 with input as {"dependencies": [dep("git", "changed", true)]} with data.charter as c
}
