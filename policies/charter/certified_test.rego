package gitcharter.charter.certified_test

import data.gitcharter.charter.certified

cert(days) := {
	"by": "Dana Reviewer",
	"on": "2026-09-01",
	"every": "quarter",
	"due": "2026-12-01",
	"days_until_due": days,
	"warn_days": 14,
	"grace_days": 14,
}

doc(stage, days) := {"stage": stage, "certification": cert(days)}

test_far_from_due_is_silent if {
	count(certified.warn) == 0 with input as doc("pre-commit", 30)
	count(certified.deny) == 0 with input as doc("ci", 30)
}

test_soon_due_warns_everywhere_naming_who_certified_it if {
	some r in certified.warn with input as doc("pre-commit", 3)
	contains(r.message, "due for re-certification on 2026-12-01, in 3 day(s)")
	contains(r.message, "last certified by Dana Reviewer on 2026-09-01, every quarter")
	count(certified.warn) == 1 with input as doc("ci", 14)
}

test_overdue_hooks_warn_and_never_deny if {
	some r in certified.warn with input as doc("pre-commit", -100)
	contains(r.message, "100 day(s) ago")
	count(certified.deny) == 0 with input as doc("pre-commit", -100)
	count(certified.deny) == 0 with input as doc("pre-push", -100)
}

test_ci_warns_through_the_grace_period_then_fails if {
	some r in certified.warn with input as doc("ci", -14)
	contains(r.message, "ci fails after 0 more day(s)")
	count(certified.deny) == 0 with input as doc("ci", -14)
	count(certified.deny) == 1 with input as doc("ci", -15)
	count(certified.warn) == 0 with input as doc("ci", -15)
	some d in certified.deny with input as doc("ci", -15)
	contains(d.message, "past the 14-day grace period")
	d.path == ".charter/charter.yaml"
}

test_hooks_say_when_ci_will_fail if {
	some r in certified.warn with input as doc("pre-commit", -10)
	contains(r.message, "ci fails in 5 day(s)")
}

test_without_a_certification_nothing_is_said if {
	count(certified.warn) == 0 with input as {"stage": "ci"}
	count(certified.deny) == 0 with input as {"stage": "ci"}
}
