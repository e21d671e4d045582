region = "eu-west-1"
environment = "prod"
blob_connection = "DefaultEndpointsProtocol=https;AccountName=cyberdyneprodm71;AccountKey=E3P7hXqhanLFGHFYpZMglV51rCllw3kJIDg9V3NOvCH6FOTsHSr+FyQkfm+SB/j+uToDZ+cKH2whtG8VHEazZQ==;EndpointSuffix=core.windows.net"
environment = "prod"
instance_count = 3
tags = { team = "platform" }
django_secret_key = "$(SERVICE_TOKEN)"
environment = "prod"
instance_count = 3
cohere_api_key = "m5aNG8CP1dyV7jGCuxn4WMazb3BJHbbgmp7ByE9T"
sha256 = "sha256:3eece1e3af09d5d58a09f132582712e7d745e5d6035c254f6afa2c1f96cd0c9a"
region = "eu-west-1"
environment = "prod"
