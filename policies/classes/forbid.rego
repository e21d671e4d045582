# METADATA
# title: AI-assisted change in a class the charter closes to AI
# description: >-
#   The charter marks some classes of code (for example authentication or cryptography) `ai: forbid`:
#   changes there must be written without AI tools. A commit with strong or medium AI evidence, or a
#   disclosure trailer, that touches such a class is refused. At pre-commit, where no message exists
#   yet, the policy only warns which files are in a closed class.
# custom:
#   id: CH-CLASS-001
#   severity: high
#   remediation: >-
#     Write the change to these files without AI assistance (or move it to a separate, hand-written commit).
#     Only the charter's owners can open the class, in `.charter/charter.yaml` (`classes.<name>.ai`).
#   stages: [pre-commit, commit-msg, pre-push, ci, agent]
package gitcharter.classes.forbid

charter := c if {
	c := data.charter
	is_object(c)
} else := {}

files := f if {
	f := input.files
	is_array(f)
} else := []

evidence := e if {
	e := input.commit.ai_evidence
	is_array(e)
} else := []

# A disclosure trailer with a real value (not empty, template text or "no AI"), as CH-AI-001 reads it.
disclosed if data.gitcharter.lib.disclosure.disclosed

ai_assisted if {
	some e in evidence
	e.strength in {"strong", "medium"}
}

ai_assisted if disclosed

why_ai := sprintf("AI evidence: %s", [e.tool]) if {
	some e in evidence
	e.strength in {"strong", "medium"}
} else := "disclosed as AI-assisted"

precommit if input.stage == "pre-commit"

file_classes(f) := c if {
	c := f.classes
	is_array(c)
} else := []

forbidden contains name if {
	some name, def in object.get(charter, "classes", {})
	is_object(def)
	object.get(def, "ai", "allow") == "forbid"
}

# Paths per closed class touched by this change, sorted so the first is stable.
touched[name] := sort(paths) if {
	some name in forbidden
	paths := {f.path | some f in files; name in file_classes(f)}
	count(paths) > 0
}

listing(paths) := concat(", ", paths) if count(paths) <= 3

else := sprintf("%s and %d more", [concat(", ", array.slice(paths, 0, 3)), count(paths) - 3])

deny contains result if {
	not precommit
	ai_assisted
	some name, paths in touched
	result := {
		"path": paths[0],
		"message": sprintf("touches %s (%s), which the charter closes to AI-assisted changes (%s)", [name, listing(paths), why_ai]),
	}
}

warn contains result if {
	precommit
	some name, paths in touched
	result := {
		"path": paths[0],
		"message": sprintf("touches %s (%s): the charter closes %s to AI-assisted changes; commit this only if it was written without AI", [name, listing(paths), name]),
		"remediation": sprintf("If an AI tool wrote any of it, rewrite the %s change by hand before committing.", [name]),
	}
}
