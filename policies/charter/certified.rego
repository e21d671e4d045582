# METADATA
# title: The charter is re-certified on schedule
# description: >-
#   A charter that carries `certified: {by, on, every}` must be re-certified every `every`. From
#   `certified.warn_days` before the due day the hooks and `ci` warn; once it is overdue the hooks
#   keep warning, and `ci` warns for `certified.grace_days` more days and then fails, naming who
#   certified it last. The facts are `input.certification` (`due`, `days_until_due`); a charter
#   without `certified` is not held to a schedule.
# custom:
#   id: CH-CHARTER-001
#   severity: medium
#   remediation: >-
#     Review the charter with its owners (tiers, classes, review rules, waivers), then record it:
#     set `certified.on` to today's date and `certified.by` to who reviewed it in
#     .charter/charter.yaml, in a commit of its own that a reviewer approves.
#   stages: [pre-commit, pre-push, ci]
package gitcharter.charter.certified

cert := c if {
	c := input.certification
	is_object(c)
}

last(c) := sprintf("last certified by %s on %s, every %s", [c.by, c.on, c.every])

charter_file := ".charter/charter.yaml"

overdue(c) := 0 - c.days_until_due

warn contains result if {
	c := cert
	c.days_until_due >= 0
	c.days_until_due <= c.warn_days
	result := {
		"path": charter_file,
		"message": sprintf("the charter is due for re-certification on %s, in %d day(s) (%s)", [c.due, c.days_until_due, last(c)]),
	}
}

# Overdue: the hooks warn for as long as it stays so; `ci` warns through the grace period.
warn contains result if {
	c := cert
	c.days_until_due < 0
	not failing(c)
	result := {
		"path": charter_file,
		"message": sprintf("the charter was due for re-certification on %s, %d day(s) ago (%s)%s", [c.due, overdue(c), last(c), grace_note(c)]),
	}
}

grace_note(c) := sprintf("; ci fails in %d day(s)", [(c.grace_days - overdue(c)) + 1]) if input.stage != "ci"

else := sprintf("; ci fails after %d more day(s)", [c.grace_days - overdue(c)])

failing(c) if {
	input.stage == "ci"
	overdue(c) > c.grace_days
}

deny contains result if {
	c := cert
	failing(c)
	result := {
		"path": charter_file,
		"message": sprintf("the charter was due for re-certification on %s, %d day(s) ago, past the %d-day grace period (%s)", [c.due, overdue(c), c.grace_days, last(c)]),
	}
}
