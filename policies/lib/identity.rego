# Shared helpers for reviewer identities; a library package (no deny/warn), imported by the
# review and bulk policies.
package gitcharter.lib.identity

# The e-mail of a `Name <email>` value, lower-cased; "" when there is none.
email(v) := lower(trim_space(m[0][1])) if {
	m := regex.find_all_string_submatch_n(`<([^>]*)>`, v, 1)
	count(m) > 0
} else := ""

# The name part of a `Name <email>` value, lower-cased and trimmed.
name(v) := lower(trim_space(regex.replace(v, `<[^>]*>`, "")))

# An AI identity: an e-mail containing one of `review.ai_identities`, or a name that is one of
# `review.ai_names` as a whole.
is_ai(v) if {
	e := email(v)
	e != ""
	some m in object.get(data.charter, ["review", "ai_identities"], [])
	is_string(m)
	m != ""
	contains(e, lower(m))
}

is_ai(v) if {
	n := name(v)
	some m in object.get(data.charter, ["review", "ai_names"], [])
	is_string(m)
	n == lower(m)
}
