# METADATA
# title: Install-time script added
# description: >-
#   A manifest adds or changes a script that runs on install (npm `preinstall`, `install`, `postinstall`,
#   `prepare`): code that runs on every developer's machine and in CI with their credentials.
#   `dependencies.install_scripts` decides (default `warn`).
# custom:
#   id: CH-DEP-005
#   severity: medium
#   remediation: >-
#     Make sure the script is needed and reviewed; prefer an explicit build step.
#   stages: [pre-commit, commit-msg, pre-push, ci, agent]
package gitcharter.deps.scripts

added contains [m, s] if {
	some m in data.gitcharter.lib.deps.manifests
	some s in object.get(m, "scripts", [])
	s.change in {"added", "changed"}
}

result(m, s) := {
	"path": m.path,
	"message": sprintf("%s %s the install-time script `%s`: %s", [m.path, verb(s), s.name, s.command]),
	"remediation": "Review what the script runs; it runs on every install, on every machine and in CI.",
}

verb(s) := "adds" if s.change == "added"

else := "changes"

deny contains result(m, s) if {
	data.gitcharter.lib.deps.action("install_scripts") == "deny"
	some [m, s] in added
}

warn contains result(m, s) if {
	data.gitcharter.lib.deps.action("install_scripts") == "warn"
	some [m, s] in added
}
