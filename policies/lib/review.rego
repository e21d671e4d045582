# Shared helpers for review requirements: who counts as a reviewer of the commit (a trailer naming
# someone who is neither the author nor an AI identity). A library package (no deny/warn).
package gitcharter.lib.review

trailers := t if {
	t := input.commit.trailers
	is_array(t)
} else := []

author := a if {
	a := input.commit.author
	is_object(a)
} else := {}

lc(x) := lower(x) if is_string(x)

else := ""

# The email between <>, else the whole value, lower-cased and trimmed.
email_of(v) := lower(trim_space(split(split(v, "<")[1], ">")[0])) if contains(v, "<")

else := lower(trim_space(v))

name_of(v) := lower(trim_space(split(v, "<")[0]))

is_author(v) if {
	e := lc(object.get(author, "email", ""))
	e != ""
	email_of(v) == e
}

is_author(v) if {
	n := lc(object.get(author, "name", ""))
	n != ""
	name_of(v) == n
}

not_counted(v) if is_author(v)

not_counted(v) if data.gitcharter.lib.identity.is_ai(v)

# The trailer keys of a requirement (`{trailers, count}`), else the charter's `review.trailers`.
keys(req) := k if {
	k := object.get(req, "trailers", [])
	is_array(k)
	count(k) > 0
} else := k if {
	k := object.get(data.charter, ["review", "trailers"], [])
	is_array(k)
	count(k) > 0
} else := ["Reviewed-by"]

needed(req) := n if {
	n := object.get(req, "count", 1)
	is_number(n)
} else := 1

# Distinct reviewers (by email) under any of `ks`, excluding the author and AI identities.
reviewers(ks) := {email_of(t.value) |
	lowered := {lower(k) | some k in ks}
	some t in trailers
	lc(t.key) in lowered
	is_string(t.value)
	trim_space(t.value) != ""
	not not_counted(t.value)
}

ignored(ks) := [t.value |
	lowered := {lower(k) | some k in ks}
	some t in trailers
	lc(t.key) in lowered
	is_string(t.value)
	not_counted(t.value)
]

ignored_note(ks) := sprintf("; not counted (author or AI identity): %s", [concat(", ", ignored(ks))]) if {
	count(ignored(ks)) > 0
} else := ""

trailer_list(ks) := concat(" or ", [sprintf("`%s:`", [k]) | some k in ks])
