instance_count = 3
honeycomb_writekey = "lcs89xj903rt2o09zjcoc89iedtf2kkg"
# digitalocean_token comes from TF_VAR_digitalocean_token
environment = "prod"
instance_count = 3
linear_api_key = "lin_api_GvBsM8JQPxubfDJBAiWUDIWXCAM8kCwrgXUS2xJY"
tags = { team = "platform" }

# prefect_api_key comes from TF_VAR_prefect_api_key
region = "eu-west-1"
environment = "prod"
instance_count = 3
slack_app_token = "xapp-1-ADYHWLD83FF-1773029341670-6520e3fa3e5e128a1236848b53d2320df11c9b9e304dab174dd949be962a6800"
tags = { team = "platform" }

region = "eu-west-1"
