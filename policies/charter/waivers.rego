# METADATA
# title: Waivers end, and say so before they do
# description: >-
#   A waiver in `.charter/waivers.yaml` covers a result (by a finding's fingerprint, or a policy id
#   and path globs) until its `expires` day; the next day it stops applying and what it covered is
#   reported again. This policy warns about each waiver that has expired (so that the file is
#   cleaned up) and about each that expires within `waivers.warn_before_days` (so that its owner
#   renews it or fixes what it covers before a commit is denied). The facts are `input.waivers`.
# custom:
#   id: CH-WAIVER-001
#   severity: low
#   remediation: >-
#     Fix what the waiver covers and delete the entry, or, if the exception still holds, ask its
#     owner to renew it with a new `expires` date (a reviewed change to .charter/waivers.yaml).
#   stages: [pre-commit, pre-push, ci, scan]
package gitcharter.charter.waivers

waivers := w if {
	w := input.waivers
	is_array(w)
} else := []

default warn_before := 14

warn_before := n if {
	n := data.charter.waivers.warn_before_days
	is_number(n)
}

# The file and line of a waiver (`.charter/waivers.yaml:12`).
file_of(w) := parts[0] if {
	parts := split(w.at, ":")
	count(parts) > 1
} else := w.at

line_of(w) := to_number(parts[count(parts) - 1]) if {
	parts := split(w.at, ":")
	count(parts) > 1
	regex.match(`^[0-9]+$`, parts[count(parts) - 1])
} else := 0

what(w) := sprintf("fingerprint %s", [w.fingerprint]) if is_string(w.fingerprint)

else := sprintf("%s on %s", [w.policy, concat(", ", w.paths)]) if count(w.paths) > 0

else := sprintf("every %s result", [w.policy])

warn contains result if {
	some w in waivers
	w.days_left < 0
	result := {
		"path": file_of(w),
		"line": line_of(w),
		"message": sprintf("waiver for %s (owner %s) expired on %s and no longer applies: %s", [what(w), w.owner, w.expires, w.reason]),
	}
}

warn contains result if {
	some w in waivers
	w.days_left >= 0
	w.days_left <= warn_before
	result := {
		"path": file_of(w),
		"line": line_of(w),
		"message": sprintf("waiver for %s (owner %s) expires on %s, in %d day%s: %s", [what(w), w.owner, w.expires, w.days_left, plural(w.days_left), w.reason]),
	}
}

plural(n) := "" if n == 1

else := "s"
