tags = { team = "platform" }

region = "eu-west-1"
environment = "prod"
stripe_secret_key = "ENC[AES256_GCM,data:RLqWPqsJWJgQPHDc,iv:WzlOH1e4fLKj7QFaPFp5zHHZcTHu6holR9IrBXrGYW0=,tag:otELyXujGBwUZFrB9+yGpw==,type:str]"

region = "eu-west-1"
environment = "prod"
gitlab_oauth_secret = "gloas-1b3298272d3ee5e386dc3f265f335f6c212648be179b5ec236960c65e3f449bb"
instance_count = 3
vault_token = "hvs.O71u4L6Ta0iVYyglS3D7rHb8eFEZgl6kDH0oo6yPhs5E_3tbYdZblW6E5UaOMyGPpe9hf7YqIS8qTshDAIG6bBtIWVCHT-1wpfBV"

region = "eu-west-1"
environment = "prod"
stripe_key = "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"
region = "eu-west-1"
admin_password_hash = "$6$sDHqm1mtGhp/JLLl$k4MAQqN7h.VwrVwy7pdPfrH9g4ii9uCUtsgiphedYn6QxqinYHFz/r5WoNktsB8ijmXWb8qLAiTzWP7c3FvFmH"
github_token = "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"
