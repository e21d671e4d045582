package gitcharter.provenance.records_test

import data.gitcharter.provenance.records

test_unreadable_records_warn if {
	e := {"source": "git-ai", "location": "refs/notes/ai", "message": "line 3: bad range `9-2`"}
	results := records.warn with input as {"commit": {"provenance": {"errors": [e]}}}
	some r in results
	r.message == "git-ai record at refs/notes/ai not used: line 3: bad range `9-2`"
}

test_no_errors_no_warning if {
	count(records.warn) == 0 with input as {"commit": {"provenance": {"errors": []}}}
	count(records.warn) == 0 with input as {"commit": {}}
}
