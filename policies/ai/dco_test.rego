package gitcharter.ai.dco_test

import data.gitcharter.ai.dco

on := {"disclosure": {"require_dco": true}}

off := {"disclosure": {"require_dco": false}}

commit(trailers) := {"commit": {
	"message": "s\n",
	"author": {"name": "Ada", "email": "ada@example.com"},
	"trailers": trailers,
	"ai_evidence": [],
}}

test_missing_signoff_is_denied_when_required if {
	count(dco.deny) == 1 with input as commit([]) with data.charter as on
}

test_signoff_by_someone_else_is_denied if {
	t := [{"key": "Signed-off-by", "value": "Bob <bob@example.com>"}]
	count(dco.deny) == 1 with input as commit(t) with data.charter as on
}

test_author_signoff_passes_case_insensitively if {
	t := [{"key": "signed-off-by", "value": "Ada L <Ada@Example.com>"}]
	count(dco.deny) == 0 with input as commit(t) with data.charter as on
}

test_ai_signoff_with_author_email_does_not_count if {
	t := [{"key": "Signed-off-by", "value": "Claude <ada@example.com>"}]
	ev := [{"signature": "x", "tool": "X", "strength": "strong", "where": "trailer", "key": "Signed-off-by", "text": "Signed-off-by: Claude <ada@example.com>"}]
	i := object.union(commit(t), {"commit": object.union(commit(t).commit, {"ai_evidence": ev})})
	count(dco.deny) == 1 with input as i with data.charter as on
}

test_not_required_passes if {
	count(dco.deny) == 0 with input as commit([]) with data.charter as off
}

test_no_message_passes if {
	count(dco.deny) == 0 with input as {"commit": {"message": null, "author": {"name": "A", "email": "a@b"}}} with data.charter as on
}

test_empty_input_passes if {
	count(dco.deny) == 0 with input as {} with data.charter as on
}
