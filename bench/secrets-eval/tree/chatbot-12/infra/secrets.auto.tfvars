tags = { team = "platform" }

region = "eu-west-1"
environment = "prod"
square_app_secret = "sq0csp-oVI4JYsoDpkFHiGxH08l_GYyxtVL9Hua_DAwX2CiO3U"

sas_token = "?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2025-05-17T00:00:00Z&st=2024-04-08T12:00:00Z&spr=https&sig=RI%2BTrRzKRhflydqrx5wIebjzY0hvg3WMqaVxV%2F5UbvE%3D"

postmark_server_token = "399e010f-e109-4a0b-bc94-da4772648cd4"
environment = "prod"
infracost_api_key = "ico-feI5P55SvFnr5gRcQhSvRs5FyWghTFdS"
region = "eu-west-1"
environment = "prod"
instance_count = 3
aws_secret_access_key = "KLriYZAAYyGfd3iX3jOKsl6CJ1d/aX4Mc4yMozpv"
environment = "prod"
