package gitcharter.team.example_test

import data.gitcharter.team.example

migration := {"path": "migrations/0042_add_index.sql", "status": "added"}

test_migration_without_rollback_is_denied if {
	inp := {"stage": "commit-msg", "commit": {"trailers": []}, "files": [migration]}
	count(example.deny) == 1 with input as inp
}

test_migration_with_rollback_passes if {
	inp := {"stage": "commit-msg", "commit": {"trailers": [{"key": "Rollback", "value": "drop index idx_orders"}]}, "files": [migration]}
	count(example.deny) == 0 with input as inp
}

test_other_files_pass if {
	inp := {"stage": "commit-msg", "commit": {"trailers": []}, "files": [{"path": "src/app.py", "status": "modified"}]}
	count(example.deny) == 0 with input as inp
}
