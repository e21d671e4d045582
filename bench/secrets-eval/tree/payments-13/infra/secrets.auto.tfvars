
region = "eu-west-1"
discord_webhook_url = "https://discord.com/api/webhooks/6859693131378204969/v0JDwfAByAdmTd0H_wCGFvJ5V74RSOQoQjv4DDqsUBbwHOzyo9ScEbSll-9Og1oEfXeB"
instance_count = 3
ado_pat = "$(SERVICE_TOKEN)"

datadog_api_key = "245d9fff89e04a6e2e9fb31f4760f0e3"

region = "eu-west-1"
s3_access_key = "AKIA7SDUKAV4AWDOWMGG"
gitlab_trigger_token = "glptt-b8e12fbccf5d34d5ed3ca8be90058dec4f4dc6c2"
instance_count = 3
tags = { team = "platform" }

atlas_token = "yqolOEEd733YiV.atlasv1.2rTmkF2SQJWTEngzwPBdvrzdkooKwoXUyfzQ-dZL0GHzFN-YVwbwxaqWaeleF0YpaTi"
span_id = "00-e77060b05c7b776d007a41026554157b-37a292133501728a-01"
bundle_rubygems_pkg_github_com = "postgres:F0r3t55"
instance_count = 3
tags = { team = "platform" }

django_secret_key = "django-insecure-(+8scj)g@mt@i59!v0=%s+&f3pyppzozhc46!8cp7d5-8-sju8"
instance_count = 3
tags = { team = "platform" }

