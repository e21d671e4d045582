# METADATA
# title: Dependencies changed without their lockfile
# description: >-
#   A manifest's dependencies changed but its existing lockfile (the nearest `Cargo.lock`,
#   `package-lock.json`, `yarn.lock`, `pnpm-lock.yaml`, `poetry.lock`, `uv.lock`, `go.sum`,
#   `Gemfile.lock`, …) did not, or an added dependency is missing from the changed lockfile: what is
#   installed is then not what was reviewed. `dependencies.lockfile` decides (default `deny`).
# custom:
#   id: CH-DEP-003
#   severity: high
#   remediation: >-
#     Run the package manager's install or lock command and stage the lockfile with the manifest.
#   stages: [pre-commit, commit-msg, pre-push, ci]
package gitcharter.deps.lockfile

lockfile_names(m) := concat(", ", [l.path | some l in m.lockfiles])

problems contains {"path": m.path, "message": sprintf("%s changes %d dependenc%s but its lockfile (%s) is not part of the commit", [m.path, n, plural(n), lockfile_names(m)])} if {
	some m in data.gitcharter.lib.deps.manifests
	m.lockfile_changed == false
	n := object.get(m, "dependency_changes", 0)
	n > 0
}

problems contains {"path": d.manifest, "message": sprintf("adds %s, which its changed lockfile does not list", [data.gitcharter.lib.deps.describe(d)])} if {
	some d in data.gitcharter.lib.deps.dependencies
	d.change == "added"
	d.source == "registry"
	d.kind != "managed"
	d.kind != "workspace"
	d.kind != "peer"
	is_array(d.locked)
	count(d.locked) == 0
	some m in data.gitcharter.lib.deps.manifests
	m.path == d.manifest
	m.lockfile_changed == true
}

plural(n) := "y" if n == 1

else := "ies"

result(p) := object.union(p, {"remediation": "Run the package manager's install or lock command (cargo update -w, npm install, poetry lock, go mod tidy, bundle lock, …) and stage the lockfile."})

deny contains result(p) if {
	data.gitcharter.lib.deps.action("lockfile") == "deny"
	some p in problems
}

warn contains result(p) if {
	data.gitcharter.lib.deps.action("lockfile") == "warn"
	some p in problems
}
