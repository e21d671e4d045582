# METADATA
# title: Manifest or lockfile that does not parse
# description: >-
#   A changed dependency manifest, or its lockfile, could not be read (it does not parse, or it is over
#   32 MiB), so the dependency checks could not judge it. `dependencies.unreadable` decides (default `warn`).
# custom:
#   id: CH-DEP-008
#   severity: medium
#   remediation: >-
#     Fix the file's syntax; the package manager will say where.
#   stages: [pre-commit, commit-msg, pre-push, ci]
package gitcharter.deps.unreadable

problems contains {"path": m.path, "message": sprintf("%s could not be checked: %s", [m.path, m.error])} if {
	some m in data.gitcharter.lib.deps.manifests
	is_string(m.error)
}

problems contains {"path": l.path, "message": sprintf("%s (the lockfile of %s) could not be checked: %s", [l.path, m.path, l.error])} if {
	some m in data.gitcharter.lib.deps.manifests
	some l in m.lockfiles
	is_string(l.error)
}

result(p) := object.union(p, {"remediation": "Fix the file's syntax (the package manager reports where) so its dependencies can be checked."})

deny contains result(p) if {
	data.gitcharter.lib.deps.action("unreadable") == "deny"
	some p in problems
}

warn contains result(p) if {
	data.gitcharter.lib.deps.action("unreadable") == "warn"
	some p in problems
}
