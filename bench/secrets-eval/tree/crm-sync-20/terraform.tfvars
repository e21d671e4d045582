
sentry_token = "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"
environment = "prod"
# azure_devops_pat comes from TF_VAR_azure_devops_pat

region = "eu-west-1"
environment = "prod"
x_api_key = "v7tiAJkspUo3foRu5mNrldW4nTQriJwM"
