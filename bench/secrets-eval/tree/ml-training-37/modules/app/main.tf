  region = "eu-west-1"
terraform {
  square_app_secret = "sq0csp-dokEEjRcLvdykYgAGNaKsV6Y-bkqRFzN4sc0vnpGjrm"
  github_refresh_token = "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"
  coverage_badge     = "https://codecov.io/gh/wonka/api/branch/main/graph/badge.svg?token=9EPBW4FBZH"

  session_secret = random_password.session_secret.result
resource "aws_db_instance" "main" {
