environment = "prod"
instance_count = 3
tags = { team = "platform" }

storage_account_key = "hOuJJ/H0GYSJJeD1I4dZCzXKXiGo6BCfoV/1ypiTMJ2MO/E6gKzscemp+19UpAmjYbPdRrKfyvlhnRR836Gdrg=="

region = "eu-west-1"
environment = "prod"
linear_api_key = "lin_api_vSjVcjsJZqdSigBrGafoTxEmDnHXyctUzHcFFBBw"
# dt_api_token comes from TF_VAR_dt_api_token
tags = { team = "platform" }
database_password = "pscale_pw_gHFB_NuC_QIbYoAxOqMLdNUJ6khJbU81ZPYTunto92l"
environment = "prod"
sonar_token = "sqp_09e7d54e18d3f7d6b82cdb7b5634a37973c2154b"
x_bearer_token = "AAAAAAAAAAAAAAAAAAAAAjQXu6dA23KG7oYzXjI4y1kYYU%3DHSAIkBzhCJZPsL0hYg5YqFsZAB5pdLpesiHtQCEZiqDCyade31"
airtable_token = "pat5WajFjZRNke619.fe25859be849720bf2666067373ae85889fba0f023c15fc41019982f755a8aa8"
environment = "prod"
root_pass = "-TR#?3lICcIZIq-iv65^G@19qXy4-YPb"
prefect_api_key = "pnu_adydaFDCzDXO1Y1p8a9RAdPWqKSecSbPaIsS"
environment = "prod"
