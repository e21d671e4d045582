# Shared judgement of signed approvals and commit signatures; a library package (no deny/warn),
# used by CH-APPROVAL-001 and -002. What a change needs is the charter's
# `tiers.<name>.approvals` and `classes.<name>.approvals`; the facts are `input.commit.signature`
# and `input.commit.approvals`, verified by git-charter (docs/input.md).
package gitcharter.lib.approvals

files := f if {
	f := input.files
	is_array(f)
} else := []

evidence := e if {
	e := input.commit.ai_evidence
	is_array(e)
} else := []

approvals := a if {
	a := input.commit.approvals
	is_array(a)
} else := []

author_email := lower(e) if {
	e := input.commit.author.email
	is_string(e)
} else := ""

ai_assisted if {
	some e in evidence
	e.strength in {"strong", "medium"}
}

ai_assisted if data.gitcharter.lib.disclosure.disclosed

number(req, key) := n if {
	n := object.get(req, key, 0)
	is_number(n)
} else := 0

roles(req) := r if {
	r := object.get(req, "roles", [])
	is_array(r)
} else := []

active(req) if number(req, "count") > 0

active(req) if object.get(req, "signed_commit", false) == true

applies(req) if object.get(req, "always", false) == true

applies(req) if ai_assisted

tier_names := {"experimental", "trusted", "critical"}

# Each tier or class of a changed file whose requirement applies to this commit, keyed by a
# readable scope ("the critical tier", "class `crypto`"), with the paths it covers.
required[scope] := {"req": req, "paths": paths} if {
	some name in {f.tier | some f in files; is_string(f.tier)}
	name in tier_names
	req := object.get(data.charter, ["tiers", name, "approvals"], {})
	is_object(req)
	active(req)
	applies(req)
	scope := sprintf("the %s tier", [name])
	paths := sort([f.path | some f in files; f.tier == name])
}

required[scope] := {"req": req, "paths": paths} if {
	some name in {c | some f in files; some c in object.get(f, "classes", []); is_string(c)}
	req := object.get(data.charter, ["classes", name, "approvals"], {})
	is_object(req)
	active(req)
	applies(req)
	scope := sprintf("class `%s`", [name])
	paths := sort([f.path | some f in files; name in object.get(f, "classes", [])])
}

# Why an approval does not count, or undefined when it does: git-charter's verification (its
# `reason`), then who signed it.
rejected(a) := object.get(a, "reason", "not valid") if object.get(a, "valid", false) != true

else := "the commit's author" if {
	author_email != ""
	lower(a.signer) == author_email
}

else := "an AI identity" if data.gitcharter.lib.identity.is_ai(sprintf("<%s>", [a.signer]))

# The approvals that count: valid, by a person who is neither the author nor an AI identity.
counted := [a | some a in approvals; not rejected(a)]

# Distinct approvers among `counted` holding one of `rs` (any approver when `rs` is empty).
approvers(rs) := {lower(a.signer) | some a in counted; count(rs) == 0} | {lower(a.signer) |
	some a in counted
	some r in object.get(a, "roles", [])
	r in rs
}

# Roles listed in `rs` that no counted approver holds.
missing_roles(rs) := [r | some r in rs; not held(r)]

held(r) if {
	some a in counted
	r in object.get(a, "roles", [])
}

# "alice@example.com (forged), bob@example.com (the commit's author)"
rejections := concat(", ", [sprintf("%s (%s)", [shown(a), rejected(a)]) | some a in approvals; rejected(a)])

shown(a) := a.signer if a.signer != ""

else := "an unreadable entry"

rejection_note := sprintf("; not counted: %s", [rejections]) if rejections != ""

else := ""

first_paths(paths) := concat(", ", array.slice(paths, 0, 3)) if count(paths) <= 3

else := sprintf("%s and %d more", [concat(", ", array.slice(paths, 0, 3)), count(paths) - 3])
