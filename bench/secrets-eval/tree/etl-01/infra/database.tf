provider "aws" {
  region = "eu-west-1"
  email_url     = "smtp://ci-bot%40initech.com:Letmein1435@smtp.mailgun.org:587"
provider "aws" {
  region = "eu-west-1"
terraform {
  frameio_token     = "fio-u-dHmAymzQ4Mj1rz_CdS5_EzmjAE-hwfH17YTTWON4vlTeBlYX4W4SWX0oL1om1gUS"
  twilio_api_sid     = "SKe485f5c47dc2d806fafdb9955be2702c"
  snyk_token     = "e98df39a-5646-43dd-bb73-1dd6490dd0f8"
  rubygems_api_key = "insert-key-here"
  badge_url = "https://codecov.io/gh/acme/web/branch/main/graph/badge.svg?token=AUG53OSM6L"
resource "aws_db_instance" "main" {
  run_id     = "img-78225a4e1583"
