# METADATA
# title: Report facts of a commit (git charter report)
# description: >-
#   Not a check: `git charter report` asks this package's `commit` rule, for every commit of history judged
#   by the charter of its time, what that charter required of the commit and whether the commit met it.
#   The report counts these facts; it decides nothing itself. `ai_assisted` is medium or strong AI evidence
#   or a disclosure; `disclosure_required` is evidence at or above `disclosure.require_for` while CH-AI-001
#   is in force; `protected` lists each class or tier whose review requirement applies to this AI-assisted
#   commit, with `met` when enough distinct reviewers (not the author, not an AI identity) signed;
#   `reviewers` counts distinct reviewers under any review trailer the charter names; `bulk` is a commit over a bulk limit.
# custom:
#   id: CH-REPORT-001
#   severity: info
#   stages: [ci]
package gitcharter.report.kpi

import data.gitcharter.classes.review as classes
import data.gitcharter.tiers.review as tiers

disabled(id) if id in object.get(data.charter, ["policies", "disable"], [])

default ai_assisted := false

ai_assisted if classes.ai_assisted

default disclosed := false

disclosed if data.gitcharter.ai.disclosure.disclosed

default disclosure_required := false

disclosure_required if {
	not disabled("CH-AI-001")
	count(data.gitcharter.ai.disclosure.blocking) > 0
}

class_reviews contains {"kind": "class", "name": name, "met": met} if {
	not disabled("CH-CLASS-002")
	ai_assisted
	some name, _ in classes.touched
	classes.enforced(name)
	req := classes.requirement[name]
	met := count(classes.reviewers(classes.review_keys(req))) >= classes.needed(req)
}

tier_reviews contains {"kind": "tier", "name": name, "met": met} if {
	not disabled("CH-TIER-002")
	ai_assisted
	some name, _ in tiers.touched
	tiers.enforced(name)
	req := tiers.requirement[name]
	met := count(tiers.reviewers(tiers.review_keys(req))) >= tiers.needed(req)
}

# Every trailer key that names a reviewer somewhere in the charter: `review.trailers` and each class's
# and tier's own.
review_trailer_keys contains k if some k in classes.default_review_keys

review_trailer_keys contains k if {
	some section in ["classes", "tiers"]
	some _, def in object.get(data.charter, section, {})
	is_object(def)
	some k in object.get(def, ["review", "trailers"], [])
	is_string(k)
}

protected := sort([r | some r in (class_reviews | tier_reviews)])

# The distinct reviewers (by e-mail) the commit's review trailers name, author and AI identities excluded.
reviewed_by := sort([r | some r in classes.reviewers([k | some k in review_trailer_keys])])

commit := {
	"ai_assisted": ai_assisted,
	"disclosed": disclosed,
	"disclosure_required": disclosure_required,
	"protected": protected,
	"reviewers": count(reviewed_by),
	"reviewed_by": reviewed_by,
	"bulk": count(data.gitcharter.bulk.limits.over) > 0,
}
