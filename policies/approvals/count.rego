# METADATA
# title: Change to a tier or class needing signed approvals lacks them
# description: >-
#   A tier or class may require signed approvals (`approvals.count`): approvals made with
#   `git charter approve`, each verified over the commit's id, tree and parents with the approver's SSH
#   key, by distinct allowed signers (`approvals.allowed_signers`, read from the base commit in ci), none of
#   them the commit's author and none an AI identity (`review.ai_identities`, `review.ai_names`). With
#   `approvals.roles`, only approvers holding one of the roles count, and each role listed must be held by
#   one of them. A forged, wrong-namespace, wrong-commit, expired-key, self- or AI-identity approval is
#   named with the reason it does not count. For AI-assisted changes only, unless `always`. Denied in
#   ci; at pre-push, where the approvals usually come after the push (a reviewer approves what was
#   pushed for review), a warning says what the merge will need.
# custom:
#   id: CH-APPROVAL-002
#   severity: high
#   remediation: >-
#     Ask an allowed signer with the role needed to run `git charter approve <commit> --role <role>`, then push
#     the approvals with `git push origin refs/notes/charter-approvals`.
#   stages: [pre-push, ci]
package gitcharter.approvals.count

role_text(rs) := "" if count(rs) == 0

else := sprintf(" with role %s", [concat(" or ", rs)])

# At pre-push the approvals usually come later: the same findings warn there.
deny contains result if {
	input.stage != "pre-push"
	some result in findings
}

warn contains result if {
	input.stage == "pre-push"
	some f in findings
	result := {"message": sprintf("before this can merge: %s", [f.message])}
}

findings contains result if {
	some scope, r in data.gitcharter.lib.approvals.required
	needed := data.gitcharter.lib.approvals.number(r.req, "count")
	needed > 0
	rs := data.gitcharter.lib.approvals.roles(r.req)
	found := count(data.gitcharter.lib.approvals.approvers(rs))
	found < needed
	result := {"message": sprintf("%s (%s) needs %d signed approval(s)%s, found %d%s", [scope, data.gitcharter.lib.approvals.first_paths(r.paths), needed, role_text(rs), found, data.gitcharter.lib.approvals.rejection_note])}
}

findings contains result if {
	some scope, r in data.gitcharter.lib.approvals.required
	data.gitcharter.lib.approvals.number(r.req, "count") > 0
	rs := data.gitcharter.lib.approvals.roles(r.req)
	count(data.gitcharter.lib.approvals.approvers(rs)) >= data.gitcharter.lib.approvals.number(r.req, "count")
	missing := data.gitcharter.lib.approvals.missing_roles(rs)
	count(missing) > 0
	result := {"message": sprintf("%s (%s) needs an approval by each of the roles %s; none by %s%s", [scope, data.gitcharter.lib.approvals.first_paths(r.paths), concat(", ", rs), concat(", ", missing), data.gitcharter.lib.approvals.rejection_note])}
}
