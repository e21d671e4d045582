region = "eu-west-1"
environment = "prod"
instance_count = 3
tags = { team = "platform" }
# mailgun_api_key comes from TF_VAR_mailgun_api_key
environment = "prod"
instance_count = 3
tags = { team = "platform" }
figma_token = "figd_5GUI8xBldv40_hXRoV_Vx-Gcpm2uKCDdSH81BC-a"

region = "eu-west-1"
environment = "prod"
# mailchimp_api_key comes from TF_VAR_mailchimp_api_key
region = "eu-west-1"
environment = "prod"
# github_refresh_token comes from TF_VAR_github_refresh_token

