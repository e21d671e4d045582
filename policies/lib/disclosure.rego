# Shared judgement of disclosure trailers; a library package (no deny/warn), used by every policy
# that asks "did this commit disclose AI help?" (CH-AI-001, -002, -004, -006, the class, tier and
# bulk rules). What counts is the charter's `disclosure:` section; this package only applies it.
package gitcharter.lib.disclosure

settings := s if {
	s := data.charter.disclosure
	is_object(s)
} else := {}

# The value as it is compared: lower-case, runs of white space as one space, without surrounding
# white space, quotes, emphasis or brackets, nor trailing punctuation ("None." is "none"). String
# builtins, not regexes: this runs for every disclosure trailer and every charter list entry.
normalize(v) := n if {
	is_string(v)
	words := [w | some w in split(replace(replace(lower(v), "\t", " "), "\n", " "), " "); w != ""]
	n := trim_right(trim_left(concat(" ", words), " \"'`*_(["), " \"'`*_)].,;:!?…")
} else := ""

# Trailer keys that disclose (disclosure.trailers), case-insensitive.
is_key(k) if {
	is_string(k)
	some d in object.get(settings, "trailers", [])
	is_string(d)
	lower(k) == lower(d)
}

none_values := {normalize(v) | some v in object.get(settings, "none_values", []); is_string(v)}

placeholder_values := {normalize(v) | some v in object.get(settings, "placeholder_values", []); is_string(v)}

pattern(name) := p if {
	p := object.get(settings, name, null)
	is_string(p)
	p != ""
}

# A statement that no AI was used: one of disclosure.none_values, or matching disclosure.none_pattern.
is_none(v) if none_normalized(normalize(v))

# Template text left unfilled: empty, naming nothing (no letter or digit), one of
# disclosure.placeholder_values, or matching disclosure.placeholder_pattern (e.g. `<tool>:<model>`).
is_placeholder(v) if placeholder_normalized(normalize(v))

# The one test: a value that discloses AI help.
is_real(v) if {
	is_string(v)
	real_normalized(normalize(v))
}

none_normalized(n) if n in none_values

none_normalized(n) if regex.match(pattern("none_pattern"), n)

placeholder_normalized(n) if not regex.match(`[\pL\pN]`, n)

placeholder_normalized(n) if n in placeholder_values

placeholder_normalized(n) if regex.match(pattern("placeholder_pattern"), n)

real_normalized(n) if {
	not none_normalized(n)
	not placeholder_normalized(n)
}

trailers := t if {
	t := input.commit.trailers
	is_array(t)
} else := []

# The commit's disclosure trailers, each value normalised once.
judged := [[t, normalize(t.value)] | some t in trailers; is_key(t.key); is_string(t.value)]

# Disclosure trailers of the commit whose values disclose.
disclosures := [t | some [t, n] in judged; real_normalized(n)]

# Disclosure trailers saying that no AI was used.
none_claims := [t | some [t, n] in judged; none_normalized(n)]

# Disclosure trailers left as template text (and not a "no AI" statement).
placeholders := [t | some [t, n] in judged; placeholder_normalized(n); not none_normalized(n)]

disclosed if count(disclosures) > 0

# A trailer as messages quote it: `Key: value`, or `Key:` when the value is empty.
text(t) := sprintf("%s:", [t.key]) if {
	trim_space(t.value) == ""
} else := sprintf("%s: %s", [t.key, t.value])
