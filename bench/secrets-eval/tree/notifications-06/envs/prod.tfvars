tags = { team = "platform" }

region = "eu-west-1"
paypal_access_token = "access_token$production$7xjr08718c6q2elr$c73e32d2c0694f6bdbf81f50cab2e7b8"
gitlab_trigger_token = "glptt-2b23319b77bd829b60652cc22646d0c13057f02d"
access_key = "Vf6wiTpn0Fm-ZcMkTFPsfRyDr-q_cZbAe9c5yd5d"
instance_count = 3
tags = { team = "platform" }

integrity = "sha512-qFRt0g2+Q0WIZR7yWytL6cBOMMTTLsIqhtpaR5bEz4JdM9UVnLSHDh8n360S21IPTAwa61ObiIP52XdojmR2hg=="
slack_bot_token = "xoxb-377782498857-5053767545317-5r7t5K93FK0OLjzihev7l9Ye"
