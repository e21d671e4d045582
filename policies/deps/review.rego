# METADATA
# title: AI-assisted dependency addition lacks its review
# description: >-
#   An AI-assisted commit (or every commit, with `dependencies.review.always`) that adds a dependency to
#   a manifest in one of `dependencies.review_tiers` (default: trusted and critical), or with
#   `dependencies.unknown: review` adds a package on no popular list and new to the repository (in any
#   tier, AI-assisted commits only), needs review trailers
#   (`dependencies.review.trailers`, else `review.trailers`) from enough people other than the author and
#   not AI identities. At pre-commit, where no message exists yet, the policy warns what the commit will need.
# custom:
#   id: CH-DEP-007
#   severity: high
#   remediation: >-
#     Get a review of the new dependency from someone who is not the author and add the trailer named in the
#     message, e.g. `git commit --trailer "Reviewed-by: Name <email>"`.
#   stages: [pre-commit, commit-msg, pre-push, ci]
package gitcharter.deps.review

req := r if {
	r := data.gitcharter.lib.deps.settings.review
	is_object(r)
} else := {}

tiers := {t | some t in object.get(data.gitcharter.lib.deps.settings, "review_tiers", [])}

always if object.get(req, "always", false) == true

needs_review(d) if {
	d.tier in tiers
	d.kind != "workspace"
}

needs_review(d) if {
	data.gitcharter.lib.deps.settings.unknown == "review"
	data.gitcharter.lib.deps.ai_assisted
	object.get(d, ["name_check", "status"], "") == "unknown"
	not data.gitcharter.lib.deps.allowed(d)
}

added := sort([sprintf("%s (%s)", [d.name, d.manifest]) |
	some d in data.gitcharter.lib.deps.dependencies
	d.change == "added"
	needs_review(d)
])

listing(xs) := concat(", ", xs) if count(xs) <= 3

else := sprintf("%s and %d more", [concat(", ", array.slice(xs, 0, 3)), count(xs) - 3])

first_manifest := sort({d.manifest |
	some d in data.gitcharter.lib.deps.dependencies
	d.change == "added"
	needs_review(d)
})[0]

applies if always

applies if data.gitcharter.lib.deps.ai_assisted

deny contains result if {
	input.stage != "pre-commit"
	count(added) > 0
	applies
	ks := data.gitcharter.lib.review.keys(req)
	n := data.gitcharter.lib.review.needed(req)
	got := count(data.gitcharter.lib.review.reviewers(ks))
	got < n
	result := {
		"path": first_manifest,
		"message": sprintf("adds dependencies that need review (%s): needs %d reviewer(s) in %s trailers, found %d%s", [listing(added), n, data.gitcharter.lib.review.trailer_list(ks), got, data.gitcharter.lib.review.ignored_note(ks)]),
		"remediation": sprintf("Have someone other than the author review the new dependencies and add `%s: Name <email>` (git commit --trailer \"%s: Name <email>\").", [ks[0], ks[0]]),
	}
}

warn contains result if {
	input.stage == "pre-commit"
	count(added) > 0
	ks := data.gitcharter.lib.review.keys(req)
	result := {
		"path": first_manifest,
		"message": sprintf("adds dependencies that need review (%s): %s the commit will need %d %s trailer(s) from reviewers other than the author", [listing(added), when, data.gitcharter.lib.review.needed(req), data.gitcharter.lib.review.trailer_list(ks)]),
		"remediation": sprintf("Ask a reviewer now; add `%s: Name <email>` to the commit message.", [ks[0]]),
	}
}

when := "" if always

else := "if AI-assisted,"
