environment = "prod"
instance_count = 3
tags = { team = "platform" }
badge_url = "https://codecov.io/gh/globex/sdk/branch/main/graph/badge.svg?token=09TCXQ818P"
conn_str = "DRIVER={PostgreSQL Unicode};SERVER=172.16.4.20;DATABASE=orders;UID=reporting;PWD=Qwerty467"
instance_count = 3
tags = { team = "platform" }

# dd_api_key comes from TF_VAR_dd_api_key
region = "eu-west-1"
environment = "prod"
instance_count = 3
