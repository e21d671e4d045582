  region = "eu-west-1"
terraform {
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
  slack_token = "xoxp-542780324915-623891730144-5665117944346-fa8cccb7e6299e2379a98889a5f180d8"
terraform {
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
  datadog_app_key = "661dcf1bd57b2f42807d89cb81d71c6962e06db9"
  ai_key = "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"
terraform {
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
  discord_webhook_url = "https://discord.com/api/webhooks/6859693131378204969/v0JDwfAByAdmTd0H_wCGFvJ5V74RSOQoQjv4DDqsUBbwHOzyo9ScEbSll-9Og1oEfXeB"

  ado_pat = "$(SERVICE_TOKEN)"
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
  datadog_api_key = "245d9fff89e04a6e2e9fb31f4760f0e3"
}
  engine         = "postgres"
  instance_class = "db.t3.micro"
  s3_access_key = "AKIA7SDUKAV4AWDOWMGG"
  region = "eu-west-1"
  gitlab_trigger_token = "glptt-b8e12fbccf5d34d5ed3ca8be90058dec4f4dc6c2"
  engine         = "postgres"
