package gitcharter.lib.review_test

import data.gitcharter.lib.review

commit(trailers) := {"commit": {"author": {"name": "Ann", "email": "ann@example.com"}, "trailers": trailers}}

test_reviewers_exclude_the_author_and_ai_identities if {
	inp := commit([
		{"key": "Reviewed-by", "value": "Bob <bob@example.com>"},
		{"key": "reviewed-by", "value": "Bob <BOB@example.com>"},
		{"key": "Reviewed-by", "value": "Ann <ann@example.com>"},
		{"key": "Reviewed-by", "value": "Claude <noreply@anthropic.com>"},
	])
	c := {"review": {"ai_identities": ["noreply@anthropic.com"]}}
	review.reviewers(["Reviewed-by"]) == {"bob@example.com"} with input as inp with data.charter as c
	contains(review.ignored_note(["Reviewed-by"]), "Ann") with input as inp with data.charter as c
}

test_keys_fall_back_to_the_charter_then_reviewed_by if {
	review.keys({"trailers": ["Security-Reviewed-by"]}) == ["Security-Reviewed-by"] with data.charter as {}
	review.keys({}) == ["Approved-by"] with data.charter as {"review": {"trailers": ["Approved-by"]}}
	review.keys({}) == ["Reviewed-by"] with data.charter as {}
	review.needed({"count": 2}) == 2
	review.needed({}) == 1
}
