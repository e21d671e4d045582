instance_count = 3
go_sum = "6.15.5+30111ce"

region = "eu-west-1"
environment = "prod"
cf_api_key = "c5e043715c4f73a9b1aba55deb91c0b02d31f"
subscription_id = "0203c8a8-afe6-486b-bb60-6e929b285654"
instance_count = 3
tags = { team = "platform" }

