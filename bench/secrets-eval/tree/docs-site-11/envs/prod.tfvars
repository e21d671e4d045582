
region = "eu-west-1"
atlas_token = "kcNbuvBRT1dR1r.atlasv1.tz-bU5M2_AMUeAZHl4Spv5HOIiNm8XenuXrTf1iWn_i_b-9q6A_D28VFgamc_Tsrhfw"
jdbc_url = "jdbc:mysql://admin:36127b2ca39113d1b1662686810f9721711b3197@db01.corp.lan:3306/orders?useSSL=true"
environment = "prod"
slack_config_token = "xoxe.xoxp-1-npWvOjkYazPSIp6CqB7OtRpUIw3WorS0BFy9mZPgmCaitpgkQ5sB18slVVycYuIEEiAw7v1kZcSYKlHE7MWoJ2Yp3kRBMEXNvGy1ky8VpcKxoFfkWw4TCMtUJcjrBIKEPI7aziAsdgRJYyGdnanHb8"
environment = "prod"
instance_count = 3
paypal_access_token = "access_token$production$dhbmeb6zxqrch5b6$1cc7fd0b005d9ae10ef0ac4efba12d9f"

region = "eu-west-1"
