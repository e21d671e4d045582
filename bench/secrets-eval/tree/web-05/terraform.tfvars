instance_count = 3
tags = { team = "platform" }
pg_conn = "host=orders-db.prod.acme.io port=5432 dbname=billing user=root password=GJkoYQ-17gUHn-fcbHkL sslmode=require"

region = "eu-west-1"
# launchdarkly_sdk_key comes from TF_VAR_launchdarkly_sdk_key
tags = { team = "platform" }
integrity = "sha512-VpKm7NTNP95XVaeLmJZjLt8yVgT4j2RLUYdh32Ttg8EZXsBlGzoWFTds+KhmEstm+DNCTxKLPhP4x7CSxyV1pg=="
environment = "prod"
instance_count = 3
tags = { team = "platform" }
airtable_token = "patMEf5LrzbRFqriI.f71e837edf28e317a332f2f13e46f614501a400bc29c444076edd9c73495eaf6"
region = "eu-west-1"
gitlab_oauth_secret = "gloas-69fa6431a48772bea9289158f16256e84623b1031b5ee9922c4862e1835a0b82"
github_user_token = "ghu_1JG7JY5xY1ADojOaBAW96AD3fKumZr1N4eJm"
doppler_token = "dp.st.mEG8uQj5trMDkfYwbL3O9MIQ2r5Sc7PtLTHrMRQylOr"

region = "eu-west-1"
environment = "prod"
x_bearer_token = "AAAAAAAAAAAAAAAAAAAAA4JHrTgchdV6PCijcCcZYnUu7U%3DWQoo2jsUkPwTsPWRs6dqKSWqSQVoYQNNTqNIHJaEWVJZjNdria"
environment = "prod"
instance_count = 3
cf_api_key = "ef74fc6e8b2eb66f719fab0eafb4d13722d3e"
region = "eu-west-1"
environment = "prod"
