package gitcharter.charter.waivers_test

import data.gitcharter.charter.waivers

waiver(days) := {
	"at": ".charter/waivers.yaml:7",
	"policy": "CH-INSECURE-001",
	"fingerprint": null,
	"paths": ["tests/**"],
	"reason": "fixtures call it on purpose",
	"owner": "qa@example.com",
	"expires": "2027-01-31",
	"days_left": days,
}

test_an_expired_waiver_is_a_warning_naming_its_line_and_owner if {
	results := waivers.warn with input as {"waivers": [waiver(-1)]}
	count(results) == 1
	some r in results
	r.path == ".charter/waivers.yaml"
	r.line == 7
	contains(r.message, "expired on 2027-01-31")
	contains(r.message, "qa@example.com")
	contains(r.message, "CH-INSECURE-001 on tests/**")
}

test_one_expiring_soon_is_a_warning_with_the_days_left if {
	results := waivers.warn with input as {"waivers": [waiver(1)]}
	count(results) == 1
	some r in results
	contains(r.message, "in 1 day:")
}

test_the_last_day_still_warns_as_expiring if {
	some r in waivers.warn with input as {"waivers": [waiver(0)]}
	contains(r.message, "in 0 days")
}

test_one_far_from_its_end_is_silent if {
	count(waivers.warn) == 0 with input as {"waivers": [waiver(15)]}
}

test_the_window_is_a_charter_setting if {
	count(waivers.warn) == 1 with input as {"waivers": [waiver(30)]} with data.charter as {"waivers": {"warn_before_days": 30}}
	count(waivers.warn) == 0 with input as {"waivers": [waiver(3)]} with data.charter as {"waivers": {"warn_before_days": 0}}
}

test_a_fingerprint_waiver_is_named_by_its_fingerprint if {
	w := object.union(waiver(-3), {"fingerprint": "generic-password:a.py:0123456789abcdef", "policy": null, "paths": []})
	some r in waivers.warn with input as {"waivers": [w]}
	contains(r.message, "fingerprint generic-password:a.py:0123456789abcdef")
}

test_a_policy_wide_waiver_says_so if {
	some r in waivers.warn with input as {"waivers": [object.union(waiver(2), {"paths": []})]}
	contains(r.message, "every CH-INSECURE-001 result")
}

test_no_waivers_no_warnings if {
	count(waivers.warn) == 0 with input as {}
	count(waivers.warn) == 0 with input as {"waivers": []}
}
