
region = "eu-west-1"
linear_api_key = "lin_api_nU6CHJZ1llh2MYxc1GxTn35WJ0nLLRYaxpYFzNBl"
stripe_webhook_secret = "whsec_Estdyq0cfqkeVNeVwq5kNDDdusPYmxVk"
environment = "prod"
instance_count = 3
tags = { team = "platform" }
github_user_token = "ghu_xr6bqNCRZDTo4WNdaMk1Wnkb4i924z0Euu6u"
# slack_user_token comes from TF_VAR_slack_user_token
environment = "prod"
instance_count = 3
tags = { team = "platform" }
source_version = "a708478732495972f8da3af3fb714858448035e9"
region = "eu-west-1"
environment = "prod"
atlassian_token = "ATATT3xFfGF0KFO-mhXhf_bXHrhb0gK7ArFuLy0DoAp1A1dJdPEIdbhGemi8sRapY0ePtmoXpRBsDfjaQTS79VYWLWRV8tRwwNeqJAdy0EZX_fm2hwRwd71_NRQMa9D1wqNGK4292PcJBXraTRWAZfu0zUWllA3bgSjZ9VHTIVIElVAl-3XVzT=C0432FAD"
snyk_token = "cc83f518-f765-438c-bd2f-534d13885dcd"

region = "eu-west-1"
badge_url = "https://codecov.io/gh/cyberdyne/sdk/branch/main/graph/badge.svg?token=EGK755RIYH"

