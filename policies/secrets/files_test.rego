package gitcharter.secrets.files_test

import data.gitcharter.secrets.files

charter := {"secrets": {
	"secret_files": ["**/.env", "**/.env.*"],
	"secret_files_allow": ["**/.env.example"],
}}

change(path, status) := {"files": [{"path": path, "status": status}]}

test_a_dotenv_file_anywhere_is_denied if {
	count(files.deny) == 1 with input as change(".env", "added") with data.charter as charter
	count(files.deny) == 1 with input as change("services/api/.env", "added") with data.charter as charter
	count(files.deny) == 1 with input as change("deploy/.env.production", "renamed") with data.charter as charter
	some r in files.deny with input as change(".env", "added") with data.charter as charter
	r.path == ".env"
	contains(r.message, "`**/.env`")
}

test_templates_and_lookalikes_pass if {
	count(files.deny) == 0 with input as change(".env.example", "added") with data.charter as charter
	count(files.deny) == 0 with input as change("web/.env.example", "added") with data.charter as charter
	count(files.deny) == 0 with input as change("src/env.py", "added") with data.charter as charter
	count(files.deny) == 0 with input as change("docs/dotenv.md", "added") with data.charter as charter
}

test_editing_or_deleting_one_already_tracked_passes if {
	count(files.deny) == 0 with input as change(".env", "modified") with data.charter as charter
	count(files.deny) == 0 with input as change(".env", "deleted") with data.charter as charter
}
