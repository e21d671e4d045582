# Shared helpers of the dependency policies (CH-DEP-*); a library package (no deny/warn).
package gitcharter.lib.deps

settings := s if {
	s := data.charter.dependencies
	is_object(s)
} else := {}

# The charter's action for a dependency check: off, warn or deny (`unknown` may also be `review`,
# which CH-DEP-007 acts on); anything else warns.
action(key) := a if {
	a := settings[key]
	a in {"off", "warn", "deny", "review"}
} else := "warn"

dependencies := d if {
	d := input.dependencies
	is_array(d)
} else := []

manifests := m if {
	m := input.manifests
	is_array(m)
} else := []

# `dependencies.allow` names a package as `name` or `ecosystem:name`.
allowed(d) if {
	some a in object.get(settings, "allow", [])
	is_string(a)
	lower(a) in {lower(d.name), lower(sprintf("%s:%s", [d.ecosystem, d.name]))}
}

# An added dependency, or one that changed (its source, its requirement).
introduced(d) if d.change in {"added", "changed"}

evidence := e if {
	e := input.commit.ai_evidence
	is_array(e)
} else := []

# The commit is AI-assisted: medium or strong AI evidence, or a real disclosure trailer.
ai_assisted if {
	some e in evidence
	e.strength in {"strong", "medium"}
}

ai_assisted if data.gitcharter.lib.disclosure.disclosed

# `npm package "x" (web/package.json)`.
describe(d) := sprintf("%s package \"%s\" (%s)", [d.ecosystem, d.name, d.manifest])
