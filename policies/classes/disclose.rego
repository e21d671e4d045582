# METADATA
# title: AI evidence in a disclose-only class without a disclosure trailer
# description: >-
#   A class marked `ai: disclose` (dependency manifests, by default) accepts AI-assisted changes when they
#   are disclosed. Strong or medium AI evidence on a commit touching such a class needs a disclosure trailer
#   (`disclosure.trailers`), even where the general disclosure rule asks only on strong evidence.
# custom:
#   id: CH-CLASS-003
#   severity: medium
#   remediation: >-
#     Add a disclosure trailer such as `Assisted-by: <tool>:<model>` to the commit message.
#   stages: [commit-msg, pre-push, ci]
package gitcharter.classes.disclose

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

lc(x) := lower(x) if is_string(x)

else := ""

# A disclosure trailer with a real value (not empty, template text or "no AI"), as CH-AI-001 reads it.
disclosed if data.gitcharter.lib.disclosure.disclosed

# An AI Co-authored-by trailer discloses, unless the charter says it does not (as CH-AI-001).
disclosed if {
	object.get(charter, ["disclosure", "coauthor_counts"], false) == true
	some e in evidence
	e.where == "trailer"
	lc(object.get(e, "key", null)) == "co-authored-by"
}

evidenced := [e | some e in evidence; e.strength in {"strong", "medium"}]

file_classes(f) := c if {
	c := f.classes
	is_array(c)
} else := []

disclose_only contains name if {
	some name, def in object.get(charter, "classes", {})
	is_object(def)
	object.get(def, "ai", "allow") == "disclose"
}

touched[name] := sort(paths) if {
	some name in disclose_only
	paths := {f.path | some f in files; name in file_classes(f)}
	count(paths) > 0
}

suggestion(tool) := replace(object.get(charter, ["disclosure", "suggest"], "Assisted-by: {tool}"), "{tool}", tool)

deny contains result if {
	not disclosed
	count(evidenced) > 0
	e := evidenced[0]
	some name, paths in touched
	result := {
		"path": paths[0],
		"message": sprintf("touches %s (%s) with %s AI evidence (%s: %q) but no disclosure trailer", [name, concat(", ", paths), e.strength, e.tool, e.text]),
		"remediation": sprintf("Add `%s` to the end of the commit message.", [suggestion(e.tool)]),
	}
}
