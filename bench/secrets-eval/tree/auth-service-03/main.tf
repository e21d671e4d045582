provider "aws" {
  aws_access_key_id = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"
provider "aws" {
  region = "eu-west-1"
  prefect_api_key = data.aws_secretsmanager_secret_version.prefect_api_key.secret_string
  region = "eu-west-1"
terraform {
  elasticsearch_url = "https://elastic:Ctl3469@alsswidcfi.es.europe-west1.gcp.cloud.es.io:9243"
  engine         = "postgres"
  openai_token     = "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"
