region = "eu-west-1"
environment = "prod"
webhook_signing_secret = "whsec_3NN0B2brdsVbWOyXqEy0VLU7rPHAV9FD"
environment = "prod"
instance_count = 3
tags = { team = "platform" }
vercel_token = "cHain4pTnqnAN4yLI6vRkkM9"
environment = "prod"
instance_count = 3
pulumi_access_token = "pul-b1437cfef04c10ef8465d8eed0d80e10cbb336ee"
mysql_url = "mariadb://ethan:0rng3815@sql-eu.westeurope.cloudapp.azure.com:3306/inventory"
region = "eu-west-1"
environment = "prod"
