# METADATA
# title: Dependency from a git, URL or path source
# description: >-
#   An added dependency (or one whose source changed) comes from a git repository, a URL or a path outside
#   the repository instead of the registry: it bypasses the registry's name, version and yank rules, and what it contains
#   can change under the same name. `dependencies.sources` decides (default `warn`).
# custom:
#   id: CH-DEP-004
#   severity: medium
#   remediation: >-
#     Prefer a released version from the registry; if the source is needed, pin it to a commit or tag.
#   stages: [pre-commit, commit-msg, pre-push, ci]
package gitcharter.deps.sources

outside contains d if {
	some d in data.gitcharter.lib.deps.dependencies
	data.gitcharter.lib.deps.introduced(d)
	d.source in {"git", "url", "path"}
	moved(d)
	not data.gitcharter.lib.deps.allowed(d)
}

# Added, or its source changed (a version bump of a git dependency is not news).
moved(d) if d.change == "added"

moved(d) if {
	d.change == "changed"
	object.get(d, ["previous", "source"], "") != d.source
}

pin_note(d) := "" if d.pinned

else := " and is not pinned to a commit or tag" if d.source == "git"

else := ""

result(d) := {
	"path": d.manifest,
	"message": sprintf("%s comes from a %s source (%s)%s", [data.gitcharter.lib.deps.describe(d), d.source, object.get(d, "location", ""), pin_note(d)]),
	"remediation": "Use a released version from the registry, or pin the source to a commit or tag and have it reviewed.",
}

deny contains result(d) if {
	data.gitcharter.lib.deps.action("sources") == "deny"
	some d in outside
}

warn contains result(d) if {
	data.gitcharter.lib.deps.action("sources") == "warn"
	some d in outside
}
