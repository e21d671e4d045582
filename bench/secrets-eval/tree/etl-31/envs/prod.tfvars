
region = "eu-west-1"
tencentcloud_secret_id = "AKIDoSUV0buglmn8zPKyiWSvvlI4xnNOxDoG"

mailgun_api_key = "key-1172d02a4dd0896b29e9463ae1ffb3cd"
pagerduty_token = "X6LC68S8bfyxQtPo4KT5"
slack_app_token = "xapp-1-AZHDK5EE2BW-6302064096812-07b47bc4f3244b486b979a1c10a9de40ef8ded943339d3a77b9e10904c6d05fa"
environment = "prod"
instance_count = 3
tags = { team = "platform" }
zendesk_api_token = "BGhUabei4gAHmldnFAAAv5kWYjhqz6MKt6GUT0RR"

region = "eu-west-1"
environment = "prod"
