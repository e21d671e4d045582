instance_count = 3
tags = { team = "platform" }

dropbox_access_token = "sl.jBDvW9EMXQwaZhpAfPs2j6BcdaOrA2NP9TrzfXv6hBste_w6DsKeH-c8kf7NwkhhUhGBJ_pEuVRQN7UVtQm_ep0FxZKZyLbdlLjlm4l_e_dwqi0YY7LesFGuiOFMFuJNYy28UBa"
region = "eu-west-1"
environment = "prod"
instance_count = 3
mssql_jdbc = "jdbc:sqlserver://db01.corp.lan:1433;databaseName=users;user=ethan;password=Chloe.walnut56;encrypt=true"
tags = { team = "platform" }

bb_password = "ATBB9iKyQkVGz6AYZfefCY2fef4jFDCtfkITFBBBE866"
service_token = "XzUZJqtwseX9xmvJJAIxQZ3LLFs3qgQP"
region = "eu-west-1"
github_user_token = "ghu_i2neNCzujvINcL7lQgN9bJ0tFfiBCz12gYNT"
instance_count = 3
tags = { team = "platform" }
oauth_client_secret = "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"
environment = "prod"
gem_host_api_key = "rubygems_cb1eb334ba619ea98b2bc17b6bcdf4adfb857f7a2d4e378d"

region = "eu-west-1"
environment = "prod"
pd_api_key = "wiqjeP6ItZvkPo5ssdVp"
tags = { team = "platform" }
slack_bot_token = "xoxb-628173288367-1095147356796-tWNG9BYd9ygkjtEpl0AZeY5M"
