resource "aws_db_instance" "main" {
}
  engine         = "postgres"
  instance_class = "db.t3.micro"
  admin_password_hash     = "$1$Wmmd07TL$ZzPINMK2RwgQTHNq99n01z"
resource "aws_db_instance" "main" {
}
  engine         = "postgres"
  gem_host_api_key     = "rubygems_4921c1be22120ada8e4ded0dcc2a563a4b01a7868dfe0536"
terraform {
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
  slack_refresh_token     = "xoxe-1-iqQA7LqfcH2ZHMvw1WKZGVFXJspAN7vqPN4sBgJ3F8xad6hjmj61JrWwyuwHbxOIITHQFBMNuFDTpk3HOi9mfJdxirv15yKarQS13AF3fQfgagF37aJEnkvwsI2oGXFIpG7LAoHQYHHCF6SbJd"
  engine         = "postgres"
  instance_class = "db.t3.micro"
  supabase_service_role_key = random_password.supabase_service_role_key.result
provider "aws" {
  perplexity_api_key = "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"
}
  engine         = "postgres"
