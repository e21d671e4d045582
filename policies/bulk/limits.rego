# METADATA
# title: Bulk change over the charter's limits without approval
# description: >-
#   Large AI-assisted changes are hard to review; the charter caps added lines and changed files per commit
#   (`bulk.max_added_lines`, `bulk.max_files`, and per tier under `bulk.tiers`). A commit over a limit needs
#   an approval trailer (`bulk.approval_trailers`) from someone other than the author and not an AI
#   identity. Files in `bulk.exclude_classes` or matching `bulk.exclude_paths` are not counted. By default
#   only AI-assisted commits are limited (`bulk.when: ai-assisted`); `always` limits every commit.
# custom:
#   id: CH-BULK-001
#   severity: medium
#   remediation: >-
#     Split the change into smaller commits, or have a senior reviewer add
#     `Bulk-Approved-by: Name <email>` to the commit message.
#   stages: [pre-commit, commit-msg, pre-push, ci]
package gitcharter.bulk.limits

charter := c if {
	c := data.charter
	is_object(c)
} else := {}

bulk := b if {
	b := charter.bulk
	is_object(b)
} else := {}

files := f if {
	f := input.files
	is_array(f)
} else := []

trailers := t if {
	t := input.commit.trailers
	is_array(t)
} else := []

evidence := e if {
	e := input.commit.ai_evidence
	is_array(e)
} else := []

lc(x) := lower(x) if is_string(x)

else := ""

# A disclosure trailer with a real value (not empty, template text or "no AI"), as CH-AI-001 reads it.
disclosed if data.gitcharter.lib.disclosure.disclosed

ai_assisted if {
	some e in evidence
	e.strength in {"strong", "medium"}
}

ai_assisted if disclosed

always if object.get(bulk, "when", "ai-assisted") == "always"

precommit if input.stage == "pre-commit"

# ---- what is counted ----

excluded(f) if {
	some c in object.get(f, "classes", [])
	c in object.get(bulk, "exclude_classes", [])
}

# git-charter matches `bulk.exclude_paths` with the charter's glob semantics, once per path
# (`glob.match` here cost 3 s on 5,000 staged files).
excluded(f) if object.get(f, "bulk_excluded", false) == true

lines(f) := n if {
	n := f.added_lines
	is_number(n)
} else := 0

counted := [f | some f in files; is_string(f.path); not excluded(f)]

# One entry per exceeded limit: scope ("commit" or a tier), what, actual, limit.
over contains {"scope": "commit", "what": "added lines", "actual": n, "limit": m} if {
	m := object.get(bulk, "max_added_lines", 0)
	m > 0
	n := sum([lines(f) | some f in counted])
	n > m
}

over contains {"scope": "commit", "what": "files", "actual": n, "limit": m} if {
	m := object.get(bulk, "max_files", 0)
	m > 0
	n := count(counted)
	n > m
}

over contains {"scope": tier, "what": "added lines", "actual": n, "limit": m} if {
	some tier, lim in object.get(bulk, "tiers", {})
	m := object.get(lim, "max_added_lines", 0)
	m > 0
	n := sum([lines(f) | some f in counted; f.tier == tier])
	n > m
}

over contains {"scope": tier, "what": "files", "actual": n, "limit": m} if {
	some tier, lim in object.get(bulk, "tiers", {})
	m := object.get(lim, "max_files", 0)
	m > 0
	n := count([f | some f in counted; f.tier == tier])
	n > m
}

# ---- approval ----

author := a if {
	a := input.commit.author
	is_object(a)
} else := {}

email_of(v) := lower(trim_space(split(split(v, "<")[1], ">")[0])) if contains(v, "<")

else := lower(trim_space(v))

not_author(v) if {
	e := lc(object.get(author, "email", ""))
	email_of(v) != e
	n := lc(object.get(author, "name", ""))
	lower(trim_space(split(v, "<")[0])) != n
}

is_ai(v) if data.gitcharter.lib.identity.is_ai(v)

approval_keys := k if {
	k := object.get(bulk, "approval_trailers", [])
	count(k) > 0
} else := ["Bulk-Approved-by"]

approved if {
	keys := {lower(k) | some k in approval_keys}
	some t in trailers
	lc(t.key) in keys
	is_string(t.value)
	trim_space(t.value) != ""
	not_author(t.value)
	not is_ai(t.value)
}

describe(o) := sprintf("%d %s (limit %d)", [o.actual, o.what, o.limit]) if o.scope == "commit"

else := sprintf("%d %s in the %s tier (limit %d)", [o.actual, o.what, o.scope, o.limit])

summary := concat("; ", sort([describe(o) | some o in over]))

deny contains result if {
	not precommit
	count(over) > 0
	any_applies
	not approved
	result := {
		"message": sprintf("%s commit over the bulk limits: %s, without a `%s:` trailer", [kind, summary, approval_keys[0]]),
		"remediation": sprintf("Split the change into smaller commits, or get approval from someone other than the author and add `%s: Name <email>` to the commit message (git commit --trailer \"%s: Name <email>\").", [approval_keys[0], approval_keys[0]]),
	}
}

any_applies if always

any_applies if ai_assisted

kind := "AI-assisted" if ai_assisted

else := "this"

warn contains result if {
	precommit
	count(over) > 0
	when := when_text
	result := {
		"message": sprintf("over the bulk limits: %s; %s the commit will need a `%s:` trailer", [summary, when, approval_keys[0]]),
		"remediation": sprintf("Split the change, or ask a reviewer for `%s: Name <email>`.", [approval_keys[0]]),
	}
}

when_text := "" if always

else := "if AI-assisted,"
