
region = "eu-west-1"
environment = "prod"
doppler_token = "dp.st.mEG8uQj5trMDkfYwbL3O9MIQ2r5Sc7PtLTHrMRQylOr"
tags = { team = "platform" }

x_bearer_token = "AAAAAAAAAAAAAAAAAAAAA4JHrTgchdV6PCijcCcZYnUu7U%3DWQoo2jsUkPwTsPWRs6dqKSWqSQVoYQNNTqNIHJaEWVJZjNdria"
region = "eu-west-1"
cf_api_key = "ef74fc6e8b2eb66f719fab0eafb4d13722d3e"
tags = { team = "platform" }
