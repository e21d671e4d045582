tags = { team = "platform" }

region = "eu-west-1"
environment = "prod"
shopify_api_secret = "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"
instance_count = 3
tags = { team = "platform" }
alert_webhook = "https://hooks.slack.com/services/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"
region = "eu-west-1"
root_hash = "{SHA}Fa9ji1MMhT1f03ELPiEu+QPUqQc="
slack_app_token = "xapp-1-AUFOJ1Q98ZJ-5605470375367-d88a37149ed08b71d3d7e4505799e70cadd7000cf4554edef53ad092c564b031"
instance_count = 3
tags = { team = "platform" }
jenkins_token = "11cf8f34fa5931edb921502a3ed092ef42"
environment = "prod"
instance_count = 3
tags = { team = "platform" }
sonar_login = "squ_270c5923be1d352dec16ff1ed6a6943fd92d0c28"
email_url = "smtps://admin%40hooli.com:F0r3t413@smtp.sendgrid.net:587"

region = "eu-west-1"
environment = "prod"
sonarcloud_token = "bf43b122f40caa3db255b83047bc467eab1b5ce9"
environment = "prod"
instance_count = 3
tags = { team = "platform" }
