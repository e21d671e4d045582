tags = { team = "platform" }

region = "eu-west-1"
role_arn = "arn:aws:s3:::hooli-logs"
region = "eu-west-1"
environment = "prod"
instance_count = 3
base_ref_sha = "34e53ab495f7127a14a2c973833d04c66ed35572"
instance_count = 3
s3_access_key = "AKIAIN2NS7PWYIFVTHJO"
environment = "prod"
internal_api_token = "tGbpfKgE04wgseblAM0IzFmUvIW2lzXe"
environment = "prod"
op_service_account_token = "ops_eyJzaWduSW5BZGRyZXNzIjoibXkuMXBhc3N3b3JkLmNvbSIsInVzZXJBdXRoIjp7Im1ldGhvZCI6IlNSUGctNDA5NiIsImFsZyI6IlBCRVMyZy1IUzI1NiIsIml0ZXJhdGlvbnMiOjY1MDAwMCwic2FsdCI6ImtqWHgwdnpvZFF5WGpXQTNXS1RZclEifSwiZW1haWwiOiJ3cDJ2MGZvMTIyZXRuaWs1eHNjcWlsZ2E3c0AxcGFzc3dvcmRzZXJ2aWNlYWNjb3VudHMuY29tIiwic3JwWCI6IjhjOTQ5ZTY5MzUzZmFhZDQwZmM5ZmJlMDkxYjQ3ZWJmYTU1ZmU0NzRmZmNlNzVkM2IwNTQ2NjVmZTg2ZmMzOWQiLCJtdWsiOnsiYWxnIjoiQTI1NkdDTSIsImV4dCI6dHJ1ZSwiayI6ImlCLXJfUXZ2S3doWUk1QjN2TW8xUnVodER4UmJrZWFzZy1ycnBuTGh5YkEiLCJrZXlfb3BzIjpbImVuY3J5cHQiLCJkZWNyeXB0Il0sImt0eSI6Im9jdCIsImtpZCI6Im1wIn0sInNlY3JldEtleSI6IkEzLTBROUVJMC1IVU5ERU0iLCJkZXZpY2VVdWlkIjoidGVqNTE3MWZsNTdsMmluNnprOGs1a2duMHcifQ"
tags = { team = "platform" }
gh_pat = "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"

region = "eu-west-1"
environment = "prod"
jwt_secret = "2wMuZTuUWAn28aMKa6n0cArq1N0MuykW3uqjVKpeVrg="
instance_count = 3
tags = { team = "platform" }

twilio_auth_token = "65186260b96946684a4d9dd36402fca2"
tags = { team = "platform" }
github_refresh_token = "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"
