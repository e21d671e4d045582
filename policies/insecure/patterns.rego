# METADATA
# title: Insecure pattern in added lines
# description: >-
#   Added lines match an insecure pattern AI assistants often write (TLS verification off, SQL built from
#   strings, shell=True, wildcard IAM, chmod 777, pull_request_target checkouts, …; rules/insecure/*.yaml).
#   The charter decides per pattern whether it blocks (`insecure.rules.<id>: deny`) or only warns.
# custom:
#   id: CH-INSECURE-001
#   severity: high
#   remediation: >-
#     Fix the code as the message says; if the line is intended, set `insecure.rules.<id>: warn` or `off` in
#     .charter/charter.yaml.
#   stages: [pre-commit, pre-push, ci, scan]
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

matches contains m if {
	some f in files
	ms := object.get(f, "insecure", [])
	is_array(ms)
	some m in ms
	is_object(m)
	is_string(m.id)
	not reported_as_secret(m)
}

reported_as_secret(m) if {
	m.id == "hardcoded-credential"
	[m.path, object.get(m, "line", 0)] in secret_lines
}

result_for(m) := r if {
	rem := object.get(m, "remediation", "")
	is_string(rem)
	rem != ""
	r := {"path": m.path, "line": object.get(m, "line", 0), "message": sprintf("%s (%s)", [object.get(m, "title", m.id), m.id]), "remediation": rem}
} else := {"path": m.path, "line": object.get(m, "line", 0), "message": sprintf("%s (%s)", [object.get(m, "title", m.id), m.id])}

deny contains result_for(m) if {
	some m in matches
	action(m) == "deny"
}

warn contains result_for(m) if {
	some m in matches
	action(m) == "warn"
}
