region = "eu-west-1"
environment = "prod"
instance_count = 3
tags = { team = "platform" }
cosmosdb_conn = "AccountEndpoint=https://wonkaprod26x.documents.azure.com:443/;AccountKey=foLlLYydB79Rn68Xd8DharOp8n3sleMZqsFCHakm9ilIx8TqA+zZMzaIp/yEjkZa05yPhCz0ZbwNYsCeOAFVeQ==;"
environment = "prod"
instance_count = 3
# openai_api_key comes from TF_VAR_openai_api_key
tags = { team = "platform" }

region = "eu-west-1"
fastly_key = "cNiU0iuR5GqVFB5PvLJ2W2wfnS3zhuzx"
azure_storage_key = "FbKDrRL1telioFhvvwt5NB9jQJ6kCRDXdhBRTwCF09BSySRrO3dSuNpsR1OuhyfVP9P2rWXQ/2AKDAZNA6ay4A=="
environment = "prod"
teams_webhook_url = "https://wonka.webhook.office.com/webhookb2/233ffa49-0812-44bd-966e-7d20fca87a61@c3bc2d1d-4e21-4dbe-9661-f2d3594f846b/IncomingWebhook/4845affe95b325f7a62c0b49c18b2e31/adeee039-be2a-40da-a02b-d87e70a81d4f"
harness_api_key = "pat.jscNxIkFznM4F9AgZy9b_T.981573b02665d3e334e2ef9b.7hdDqme4oCwJcC8UAzkQ"
mistral_api_key = "00T1OYSULB80aUtGfw2aY2uhzGdOkqTo"
instance_count = 3
tags = { team = "platform" }

traceparent = "5f5ce5ec4493fa50"
region = "eu-west-1"
