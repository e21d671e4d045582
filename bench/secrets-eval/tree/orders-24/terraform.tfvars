
region = "eu-west-1"
environment = "prod"
sops_age_key = "AGE-SECRET-KEY-1CFYS8EHU6MC0578UPXCZGX67MV0F495ZVRAA3246F45C383JX9QKEXLPHF"
region = "eu-west-1"
environment = "prod"
ldap_bind_password = "john1978"

region = "eu-west-1"
environment = "prod"
discord_webhook_url = "https://discord.com/api/webhooks/4538959868286379320/nIgR3OcNb2doSUhcyVeO9nfKIwxMcr82VMC4pLFI2z7_-NZegXcL85fQdvwjGfE-ol1z"
region = "eu-west-1"
environment = "prod"
gitlab_deploy_token = "gldt--SsLFQpQxDvM7KeBbMwm"

