# METADATA
# title: Change to a tier or class needing a signed commit is not validly signed
# description: >-
#   A tier or class with `approvals.signed_commit: true` needs the commit itself to carry a valid SSH
#   signature (`git commit -S` with `gpg.format=ssh`) in git's namespace, by a key that the allowed-signers
#   file (`approvals.allowed_signers`, read from the base commit in ci) allows for the committer's e-mail
#   at the commit's time. GPG and X.509 signatures are not verified, so they do not count. For AI-assisted
#   changes only, unless `always`. Checked where the commit exists (pre-push, ci).
# custom:
#   id: CH-APPROVAL-001
#   severity: high
#   remediation: >-
#     Sign the commit with an SSH key listed for your e-mail in the allowed-signers file:
#     `git config gpg.format ssh`, `git config user.signingkey ~/.ssh/id_ed25519.pub`, then
#     `git commit --amend --no-edit -S`.
#   stages: [pre-push, ci]
package gitcharter.approvals.signed_commit

signature := s if {
	s := input.commit.signature
	is_object(s)
} else := {"signed": false, "valid": false, "reason": "unsigned"}

why := "it is not signed" if object.get(signature, "signed", false) != true

else := sprintf("its %s signature is not verified (only SSH signatures are)", [signature.format]) if {
	signature.reason == "unsupported-format"
}

else := "there is no allowed-signers file to verify its signature against" if {
	signature.reason == "no-allowed-signers"
}

else := sprintf("its signature is rejected (%s)", [object.get(signature, "reason", "not valid")])

deny contains result if {
	object.get(signature, "valid", false) != true
	some scope, r in data.gitcharter.lib.approvals.required
	object.get(r.req, "signed_commit", false) == true
	result := {"message": sprintf("%s needs a signed commit (%s), and %s", [scope, data.gitcharter.lib.approvals.first_paths(r.paths), why])}
}
