# METADATA
# title: Commits carry the author's DCO sign-off
# description: >-
#   With disclosure.require_dco, every commit needs a `Signed-off-by` from its author (same e-mail
#   address), certifying the Developer Certificate of Origin. An AI identity's sign-off does not count.
# custom:
#   id: CH-AI-005
#   severity: medium
#   remediation: >-
#     Sign off the commit as its author with `git commit -s` (or `git commit --amend -s`).
#   stages: [commit-msg, pre-push, ci]
package gitcharter.ai.dco

default settings := {}

settings := data.charter.disclosure

lc(x) := lower(x) if is_string(x)

else := ""

trailers := t if {
	t := input.commit.trailers
	is_array(t)
} else := []

evidence := e if {
	e := input.commit.ai_evidence
	is_array(e)
} else := []

ai_texts contains lc(e.text) if {
	some e in evidence
	lc(object.get(e, "key", null)) == "signed-off-by"
}

author_email := lc(input.commit.author.email)

signed_by_author if {
	some t in trailers
	lc(t.key) == "signed-off-by"
	contains(lc(t.value), sprintf("<%s>", [author_email]))
	not lower(sprintf("%s: %s", [t.key, t.value])) in ai_texts
}

deny contains result if {
	object.get(settings, "require_dco", false) == true
	is_string(input.commit.message)
	author_email != ""
	not signed_by_author
	result := {"message": sprintf("no Signed-off-by from the author <%s> (the charter requires the DCO)", [input.commit.author.email])}
}
