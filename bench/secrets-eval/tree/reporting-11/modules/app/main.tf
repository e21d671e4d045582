}
  gcp_token     = "ya29.JA26qPYr_8qczlvR1lbeAG1eVjh2U20FPp023icAwfGQnxeB0v1sDprhifoNENCwgLPx0AfjqBGPXzQ_LpdJ536aL0fYykUzDHZrzpQNDcUtawRB7ygkoPd0QZgeRCu0roagUAaa6u9gqGWBijp2OxIGWy-N29dy0N-OX9"
  region = "eu-west-1"
terraform {
  hmac_secret = "BFjf8ym1gtyGEKt13K2T8/5Q5OUTNX7jz74gI0pBRo4="
  admin_password_hash     = "{SHA}H6eMAbHQmfEjkxTkFjOspI5tQOI="
resource "aws_db_instance" "main" {
}
  new_relic_license_key     = "f5d330fc32c3b327ecd5010fc47e7f461cb8NRAL"

provider "aws" {
  slack_refresh_token = "xoxe-1-Bw6pmSqrUFKBU10qYRYeYqFSzwuCDDBvqoT9vpiKY0YWHlEvfxwFgm0Bgq1lsV3Kvsbc9PkGqt6O0aWL8kKYGyjPreSLrsr5ygWV73RwdazUvPkuwYLro4bJ8p0Y8Gr0rAR7sLaVqBj1btc9ci"
