# METADATA
# title: Change to a review-requiring class lacks its review trailers
# description: >-
#   Classes such as auth, crypto or secrets handling may require review: an AI-assisted change there (or
#   every change, with `review.always`) needs review trailers (`classes.<name>.review.trailers`, else
#   `review.trailers`) from enough distinct people, none of them the commit's author and none an AI identity
#   (`review.ai_identities`). At pre-commit, where no message exists yet (and after an agent's edit), the policy warns
#   what the commit will need.
# custom:
#   id: CH-CLASS-002
#   severity: high
#   remediation: >-
#     Get a review from someone who is not the author and add the trailer named in the message, e.g.
#     `git commit --trailer "Security-Reviewed-by: Name <email>"`.
#   stages: [pre-commit, commit-msg, pre-push, ci, agent]
package gitcharter.classes.review

charter := c if {
	c := data.charter
	is_object(c)
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

# No message yet: at pre-commit, and at the agent stage after an edit, the policy says what the
# commit will need instead of refusing it.
precommit if input.stage in {"pre-commit", "agent"}

# ---- who counts as a reviewer ----

author := a if {
	a := input.commit.author
	is_object(a)
} else := {}

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

is_ai(v) if data.gitcharter.lib.identity.is_ai(v)

default_review_keys := k if {
	k := object.get(charter, ["review", "trailers"], [])
	count(k) > 0
} else := ["Reviewed-by"]

review_keys(req) := k if {
	k := object.get(req, "trailers", [])
	is_array(k)
	count(k) > 0
} else := default_review_keys

needed(req) := n if {
	n := object.get(req, "count", 1)
	is_number(n)
} else := 1

# Distinct reviewers (by email) under any of `keys`, excluding the author and AI identities.
reviewers(keys) := {email_of(t.value) |
	lowered := {lower(k) | some k in keys}
	some t in trailers
	lc(t.key) in lowered
	is_string(t.value)
	trim_space(t.value) != ""
	not is_author(t.value)
	not is_ai(t.value)
}

ignored(keys) := [t.value |
	lowered := {lower(k) | some k in keys}
	some t in trailers
	lc(t.key) in lowered
	is_string(t.value)
	any_ignored(t.value)
]

any_ignored(v) if is_author(v)

any_ignored(v) if is_ai(v)

ignored_note(keys) := sprintf("; not counted (author or AI identity): %s", [concat(", ", ignored(keys))]) if {
	count(ignored(keys)) > 0
} else := ""

trailer_list(keys) := concat(" or ", [sprintf("`%s:`", [k]) | some k in keys])

# ---- which classes need review ----

file_classes(f) := c if {
	c := f.classes
	is_array(c)
} else := []

requirement[name] := req if {
	some name, def in object.get(charter, "classes", {})
	is_object(def)
	req := object.get(def, "review", {})
	is_object(req)
	applies_any(def, req)
}

applies_any(def, _) if object.get(def, "ai", "allow") == "review"

applies_any(_, req) if object.get(req, "always", false) == true

# Applies to this commit: always-review, or an AI-assisted commit in an `ai: review` class.
enforced(name) if object.get(requirement[name], "always", false) == true

enforced(name) if {
	requirement[name]
	ai_assisted
	object.get(object.get(charter, ["classes", name], {}), "ai", "allow") == "review"
}

touched[name] := sort(paths) if {
	some name, _ in requirement
	paths := {f.path | some f in files; name in file_classes(f)}
	count(paths) > 0
}

listing(paths) := concat(", ", paths) if count(paths) <= 3

else := sprintf("%s and %d more", [concat(", ", array.slice(paths, 0, 3)), count(paths) - 3])

deny contains result if {
	not precommit
	some name, paths in touched
	enforced(name)
	req := requirement[name]
	keys := review_keys(req)
	n := needed(req)
	got := count(reviewers(keys))
	got < n
	result := {
		"path": paths[0],
		"message": sprintf("touches %s (%s): needs %d reviewer(s) in %s trailers, found %d%s", [name, listing(paths), n, trailer_list(keys), got, ignored_note(keys)]),
		"remediation": sprintf("Get %d more review(s) from people other than the author and add `%s: Name <email>` for each to the commit message (git commit --trailer \"%s: Name <email>\").", [n - got, keys[0], keys[0]]),
	}
}

warn contains result if {
	precommit
	some name, paths in touched
	req := requirement[name]
	keys := review_keys(req)
	when := when_text(req)
	result := {
		"path": paths[0],
		"message": sprintf("touches %s (%s): %s the commit will need %d %s trailer(s) from reviewers other than the author", [name, listing(paths), when, needed(req), trailer_list(keys)]),
		"remediation": sprintf("Ask a reviewer now; add `%s: Name <email>` to the commit message.", [keys[0]]),
	}
}

when_text(req) := "" if object.get(req, "always", false) == true

else := "if AI-assisted,"
