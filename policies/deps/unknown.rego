# METADATA
# title: AI-assisted commit adds a package nobody here has used
# description: >-
#   An AI-assisted commit adds a dependency whose name is on no list of its registry's most-used packages
#   and that the repository never depended on before (not in the manifest, not in its lockfile).
#   Assistants name packages that do not exist or that nobody vetted; a person should confirm this one.
#   `dependencies.unknown` decides (default `warn`; `review` leaves it to CH-DEP-007, which then asks for
#   a review). Judged once the message is known.
# custom:
#   id: CH-DEP-002
#   severity: medium
#   remediation: >-
#     Confirm the package exists, is maintained and is the one intended; add it to `dependencies.allow` to
#     stop this warning for it.
#   stages: [commit-msg, pre-push, ci]
package gitcharter.deps.unknown

# The dependencies first: a change without any never evaluates the disclosure rules here.
unknown contains d if {
	input.stage != "pre-commit"
	some d in data.gitcharter.lib.deps.dependencies
	d.change == "added"
	object.get(d, ["name_check", "status"], "") == "unknown"
	not data.gitcharter.lib.deps.allowed(d)
	data.gitcharter.lib.deps.ai_assisted
}

result(d) := {
	"path": d.manifest,
	"message": sprintf("AI-assisted commit adds %s, which is on no list of popular packages and new to this repository", [data.gitcharter.lib.deps.describe(d)]),
	"remediation": sprintf("Confirm that \"%s\" exists, is maintained and is the package intended; add it to `dependencies.allow` once vetted.", [d.name]),
}

deny contains result(d) if {
	data.gitcharter.lib.deps.action("unknown") == "deny"
	some d in unknown
}

warn contains result(d) if {
	data.gitcharter.lib.deps.action("unknown") == "warn"
	some d in unknown
}
