
region = "eu-west-1"
postmark_server_token = "399e010f-e109-4a0b-bc94-da4772648cd4"
instance_count = 3
infracost_api_key = "ico-feI5P55SvFnr5gRcQhSvRs5FyWghTFdS"

region = "eu-west-1"
environment = "prod"
aws_secret_access_key = "KLriYZAAYyGfd3iX3jOKsl6CJ1d/aX4Mc4yMozpv"
tags = { team = "platform" }
