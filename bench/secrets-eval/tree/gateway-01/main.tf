resource "aws_db_instance" "main" {
}
  engine         = "postgres"
  ssh_public_key     = "ssh-rsa AAAAHqHJQ9dxXOGbQVGY2TKjBCOtPXHIBO2sUlDnlxtMhpMHL4IEmdmfzM6nl4vXSG7S postgres@ci"

  slack_token = "xoxp-781173152722-263476181088-3548383643095-c1222ba3d31ca045fb3fe0b25188d078"

provider "aws" {
  api_key = "ENC[AES256_GCM,data:FLPQCEJrKiafiQ4GmMzP//kpzbjSVx9A0hO20TweC+g=,iv:YWaMbXukZoCA/AJraLlWuYhO3MlL3K2mxe35r5Z26Gc=,tag:qbG8Ub1rVvXY0Ru2Kcp0ZA==,type:str]"

provider "aws" {
  openai_key     = "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"
provider "aws" {
  region = "eu-west-1"
terraform {
  aws_access_key_id     = "AKIAIOSFODNN7EXAMPLE"

provider "aws" {
  db_connection_string = "Server=db.internal;Database=billing;User Id=billing;Password=846f1c3564af8e13896f185d66b584e3;TrustServerCertificate=True;"
  instance_class = "db.t3.micro"

provider "aws" {
  ci_push_token     = "<password>"
}
