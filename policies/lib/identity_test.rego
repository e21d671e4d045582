package gitcharter.lib.identity_test

import data.gitcharter.lib.identity

charter := {"review": {
	"ai_identities": ["noreply@anthropic.com", "+copilot@users.noreply.github.com", "[bot]@"],
	"ai_names": ["Claude", "Devin"],
}}

test_ai_emails_and_whole_names_are_ai if {
	identity.is_ai("Claude <noreply@anthropic.com>") with data.charter as charter
	identity.is_ai("Copilot <175728472+Copilot@users.noreply.github.com>") with data.charter as charter
	identity.is_ai("devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>") with data.charter as charter
	identity.is_ai("Claude") with data.charter as charter
}

test_people_with_tool_like_names_are_not_ai if {
	not identity.is_ai("Jean-Claude Martin <jc@acme.com>") with data.charter as charter
	not identity.is_ai("Devin Smith <devin@acme.com>") with data.charter as charter
	not identity.is_ai("Claude Shannon <claude.shannon@bell-labs.com>") with data.charter as charter
}

test_parts if {
	identity.email("A B <A@X.org>") == "a@x.org"
	identity.name("A B <A@X.org>") == "a b"
	identity.email("no address") == ""
}
