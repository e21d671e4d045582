tags = { team = "platform" }
stripe_publishable_key = "pk_live_oV3v7qVwF5jUULiXWiHtJ3Ucxt8iqryQrOCu9iY34OE3rx7Qteu55AvG4OEhQcJNLq0ztFn6xGEIX5Bg7fLRfqJEPhYMsF7eyJ6"
workspace_id = "993156fc-325b-413f-a740-9e107dfafad1"
confluence_token = "ATATT3xFfGF0Omb7jY93fw6HbthA7knTExuiMf7BjSInm3_nhPFRjBzSk1CcZ6umvH3ZaYnodUNLGuURBGzaBybDL4gD4_NAQV0IhVjxAIQy7_CzRbQcIDr_3TKtoVja10C-0D7UvAxDvR03AC9SimOFY7d1q5CmSlsJOXpJpVAYtOddcHgWRM=3CC5C99E"
region = "eu-west-1"
environment = "prod"
instance_count = 3
postgres_password = "QoMm8huuctm6ZfPEP2a3HVcv"

region = "eu-west-1"
environment = "prod"
readme_api_key = "rdme_8rc8aqjsycxygabpu3sic2w3o4l8ai4qjaorpqwfvqivfgnjqpyg7w3f03u4w2z7yht97m"

region = "eu-west-1"
checksum = "fdf0d21bba6e12dfd1f60bfaad0ccf618dd0ca1bce1842138a6386b5822bc953"
upload_url = "https://acmeassets1hc.blob.core.windows.net/backups?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2025-07-10T06:00:00Z&st=2024-02-02T12:00:00Z&spr=https&sig=rX4PB5UalTWueeHqQD%2FBaulrtopNjxvZ8bObiW4BzTg%3D"
brevo_api_key = "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"
region = "eu-west-1"
environment = "prod"
