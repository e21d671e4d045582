# METADATA
# title: A file that holds secrets by convention is committed
# description: >-
#   The change adds a file the charter lists in `secrets.secret_files` (by default `.env` and `.env.*`
#   anywhere) and not in `secrets.secret_files_allow` (templates such as `.env.example`). Such files hold
#   the real values of an application's secrets, and scanners miss many of them (a database password is
#   an ordinary string), so the file itself is refused, whatever its content.
# custom:
#   id: CH-SECRET-002
#   severity: high
#   remediation: >-
#     Unstage it (`git rm --cached <file>`), add it to .gitignore, and commit a template without values
#     (`.env.example`) instead; rotate any secret it held if it was ever pushed.
#   stages: [pre-commit, commit-msg, pre-push, ci, agent]
package gitcharter.secrets.files

globs(key) := g if {
	g := object.get(data.charter, ["secrets", key], [])
	is_array(g)
} else := []

# The globs of `key` matching `path`, in charter order.
matching(key, path) := [g | some g in globs(key); is_string(g); glob.match(g, ["/"], path)]

introduced(f) if f.status in {"added", "renamed", "copied"}

deny contains result if {
	some f in input.files
	is_string(f.path)
	introduced(f)
	hits := matching("secret_files", f.path)
	count(hits) > 0
	count(matching("secret_files_allow", f.path)) == 0
	g := hits[0]
	result := {
		"message": sprintf("%s is a file that holds secrets by convention (secrets.secret_files: `%s`); it does not belong in git", [f.path, g]),
		"path": f.path,
	}
}
