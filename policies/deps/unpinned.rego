# METADATA
# title: Unpinned dependency in an application
# description: >-
#   An application's manifest (a requirements file, a Gemfile or Pipfile, `"private": true`,
#   `publish = false`, or a path in `dependencies.applications`) adds a registry dependency without an
#   exact version, and no lockfile pins it: each install may get a different release. Libraries are
#   exempt (they declare ranges on purpose), as are dev and peer dependencies.
#   `dependencies.unpinned` decides (default `warn`).
# custom:
#   id: CH-DEP-006
#   severity: low
#   remediation: >-
#     Pin an exact version (`==1.2.3`, `=1.2.3`, `1.2.3`) or commit a lockfile.
#   stages: [pre-commit, commit-msg, pre-push, ci]
package gitcharter.deps.unpinned

application(path) if {
	some m in data.gitcharter.lib.deps.manifests
	m.path == path
	m.application == true
}

loose contains d if {
	some d in data.gitcharter.lib.deps.dependencies
	data.gitcharter.lib.deps.introduced(d)
	d.source == "registry"
	d.kind in {"normal", "build", "optional"}
	not d.pinned
	not locked(d)
	application(d.manifest)
}

locked(d) if {
	is_array(d.locked)
	count(d.locked) > 0
}

requirement(d) := sprintf(" `%s`", [d.requirement]) if d.requirement != ""

else := " (no version)"

result(d) := {
	"path": d.manifest,
	"message": sprintf("application dependency %s is not pinned:%s", [data.gitcharter.lib.deps.describe(d), requirement(d)]),
	"remediation": "Pin the exact version in the manifest, or commit the package manager's lockfile with it.",
}

deny contains result(d) if {
	data.gitcharter.lib.deps.action("unpinned") == "deny"
	some d in loose
}

warn contains result(d) if {
	data.gitcharter.lib.deps.action("unpinned") == "warn"
	some d in loose
}
