package gitcharter.approvals.signed_commit_test

import data.gitcharter.approvals.signed_commit

charter := {"tiers": {"critical": {"approvals": {"signed_commit": true, "always": true}}}}

change(tier, signature) := {
	"stage": "ci",
	"commit": {"author": {"name": "A", "email": "a@example.com"}, "trailers": [], "ai_evidence": [], "signature": signature},
	"files": [{"path": "core/vault.rs", "tier": tier, "classes": []}],
}

test_unsigned_critical_commit_is_denied if {
	results := signed_commit.deny with input as change("critical", {"signed": false, "valid": false, "reason": "unsigned"}) with data.charter as charter
	some r in results
	contains(r.message, "the critical tier needs a signed commit (core/vault.rs), and it is not signed")
}

test_valid_signature_passes if {
	count(signed_commit.deny) == 0 with input as change("critical", {"signed": true, "format": "ssh", "valid": true}) with data.charter as charter
}

test_rejected_signature_names_the_reason if {
	results := signed_commit.deny with input as change("critical", {"signed": true, "format": "ssh", "valid": false, "reason": "unknown-key"}) with data.charter as charter
	some r in results
	contains(r.message, "its signature is rejected (unknown-key)")
}

test_gpg_signatures_are_not_verified if {
	results := signed_commit.deny with input as change("critical", {"signed": true, "format": "gpg", "valid": false, "reason": "unsupported-format"}) with data.charter as charter
	some r in results
	contains(r.message, "gpg signature is not verified")
}

test_other_tiers_need_nothing if {
	count(signed_commit.deny) == 0 with input as change("trusted", {"signed": false, "valid": false}) with data.charter as charter
}
