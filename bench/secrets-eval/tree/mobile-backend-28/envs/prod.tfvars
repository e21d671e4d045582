
pplx_api_key = "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"
environment = "prod"
instance_count = 3
circleci_token = "CCIPAT_iIUxgP0Yc3H43Npoj0d0YY_bc737bc3158a4ae2a20e074fdd7e36dd25a03518"
region = "eu-west-1"
environment = "prod"
registry_password = "dckr_pat_S8vCfoX0_r0mWInuY4gTaSw2WH7"

region = "eu-west-1"
twilio_auth_token = "93eeed33e9178f57283d83a46ac0712c"
instance_count = 3
badge_url = "https://codecov.io/gh/soylent/sdk/branch/main/graph/badge.svg?token=75JNKXD6AD"
environment = "prod"
instance_count = 3
tags = { team = "platform" }
