# METADATA
# title: Added dependency resembles a popular package
# description: >-
#   An added dependency's name is on no list of its registry's most-used packages, is new to the
#   repository, and resembles a popular package: one edit away, the same but for separators or
#   homoglyphs, its words reordered, a popular name with an affix, or under a look-alike scope. That is
#   how typosquatted packages are named, and how an assistant's made-up package names look.
#   `dependencies.typosquat` decides (default `deny`); `dependencies.allow` lists your own names.
# custom:
#   id: CH-DEP-001
#   severity: critical
#   remediation: >-
#     Check the name against the registry: if you meant the popular package, fix the name; if this is
#     the package you want, add it to `dependencies.allow` in .charter/charter.yaml.
#   stages: [pre-commit, commit-msg, pre-push, ci, agent]
package gitcharter.deps.typosquat

suspects contains d if {
	some d in data.gitcharter.lib.deps.dependencies
	data.gitcharter.lib.deps.introduced(d)
	object.get(d, ["name_check", "status"], "") == "typosquat"
	not data.gitcharter.lib.deps.allowed(d)
}

result(d) := {
	"path": d.manifest,
	"message": sprintf("adds %s, which resembles the popular \"%s\" (%s): a possible typosquat or made-up name", [data.gitcharter.lib.deps.describe(d), object.get(d, ["name_check", "resembles"], "?"), object.get(d, ["name_check", "how"], "?")]),
	"remediation": sprintf("If you meant \"%s\", fix the name; if \"%s\" is intended, add it to `dependencies.allow` in .charter/charter.yaml.", [object.get(d, ["name_check", "resembles"], "?"), d.name]),
}

deny contains result(d) if {
	data.gitcharter.lib.deps.action("typosquat") == "deny"
	some d in suspects
}

warn contains result(d) if {
	data.gitcharter.lib.deps.action("typosquat") == "warn"
	some d in suspects
}
