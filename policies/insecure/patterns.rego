# METADATA
# title: Insecure pattern in added lines
# description: >-
#   Added lines match an insecure pattern AI assistants often write (TLS verification off, SQL built from
#   strings, shell=True, wildcard IAM, chmod 777, pull_request_target checkouts, …; rules/insecure/*.yaml).
#   The charter decides per pattern whether it blocks (`insecure.rules.<id>: deny`) or only warns, and
#   caps that per tier (`insecure.tiers.experimental: warn`: tests, fixtures and examples only warn). A
#   `charter:allow` (or `charter:allow=<id>`) comment on the line suppresses the finding.
# custom:
#   id: CH-INSECURE-001
#   severity: high
#   remediation: >-
#     Fix the code as the message says; if the line is intended, set `insecure.rules.<id>: warn` or `off` in
#     .charter/charter.yaml.
#   stages: [pre-commit, pre-push, ci, scan, agent]
package gitcharter.insecure.patterns

charter := c if {
	c := data.charter
	is_object(c)
} else := {}

files := f if {
	f := input.files
	is_array(f)
} else := []

# The scanner records the charter's action on each match; fall back to the charter for inputs
# built elsewhere.
action(m) := a if {
	a := m.action
	is_string(a)
} else := a if {
	a := object.get(charter, ["insecure", "rules", m.id], null)
	is_string(a)
} else := object.get(charter, ["insecure", "default"], "warn")

# Lines where a secret was found: CH-SECRET-001 already reports them, and a hard-coded
# credential there would be the same problem said twice.
secret_lines contains [x.path, x.line] if {
	some x in object.get(input, "findings", [])
	is_object(x)
}

order := {"off": 0, "warn": 1, "deny": 2}

# A finding under `insecure.relaxed_paths` (fixtures, examples) counts as in the experimental tier.
tier_of(f, m) := "experimental" if {
	object.get(m, "relaxed", false) == true
} else := t if {
	t := f.tier
	is_string(t)
} else := ""

# The charter's action, capped by the tier's `insecure.tiers.<tier>`.
effective(f, m) := cap if {
	a := action(m)
	cap := object.get(charter, ["insecure", "tiers", tier_of(f, m)], null)
	is_string(cap)
	order[cap] < order[a]
} else := action(m)

matches contains [m, effective(f, m)] if {
	some f in files
	ms := object.get(f, "insecure", [])
	is_array(ms)
	some m in ms
	is_object(m)
	is_string(m.id)
	object.get(m, "suppressed", null) == null
	not reported_as_secret(m)
}

reported_as_secret(m) if {
	m.id == "hardcoded-credential"
	[m.path, object.get(m, "line", 0)] in secret_lines
}

# The message names the pattern and shows the redacted preview of what matched.
message(m) := sprintf("%s (%s): %s", [object.get(m, "title", m.id), m.id, p]) if {
	p := object.get(m, "preview", "")
	is_string(p)
	p != ""
} else := sprintf("%s (%s)", [object.get(m, "title", m.id), m.id])

result_for(m) := r if {
	rem := object.get(m, "remediation", "")
	is_string(rem)
	rem != ""
	r := {"path": m.path, "line": object.get(m, "line", 0), "message": message(m), "remediation": rem}
} else := {"path": m.path, "line": object.get(m, "line", 0), "message": message(m)}

deny contains result_for(m) if {
	some [m, a] in matches
	a == "deny"
}

warn contains result_for(m) if {
	some [m, a] in matches
	a == "warn"
}
