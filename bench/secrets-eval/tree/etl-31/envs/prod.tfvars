
region = "eu-west-1"
# artifactory_api_key comes from TF_VAR_artifactory_api_key

oauth_client_secret = "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"
# nuget_key comes from TF_VAR_nuget_key
version = "5.2.3+ed60ae4"
environment = "prod"
instance_count = 3
tags = { team = "platform" }
# grafana_service_account_token comes from TF_VAR_grafana_service_account_token

region = "eu-west-1"
environment = "prod"
