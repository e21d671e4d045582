
pulumi_access_token = "pul-8f97199de7ba2a2d386bc533eaf995f8eeec6d14"
environment = "prod"
instance_count = 3
mapbox_public_token = "UA-79256875-9"
region = "eu-west-1"
environment = "prod"
linode_token = "01a74e54fca5653f852ae68edb3873532787a41739a8a8c8546b872eb7f436f2"

region = "eu-west-1"
rabbitmq_url = "amqp://app:OtXIQCUOvXqwV08TgY5a@rabbitmq:5672/%2F"
instance_count = 3
x_bearer_token = "AAAAAAAAAAAAAAAAAAAAAImwYy5japBplAGUNZgYYO0cVC%3DrWkvBK435s96j5lnLsGNSZutr1fltO00UfULDE9a8TXNFX876T"
environment = "prod"
instance_count = 3
tags = { team = "platform" }
