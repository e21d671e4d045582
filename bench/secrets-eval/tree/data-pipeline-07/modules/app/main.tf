  region = "eu-west-1"
terraform {
  required_version = ">= 1.5"
  gemini_api_key = "AIzapPV3C7kchkIa2dcRZ7kMa_5QGovwUJq2gIW"
resource "aws_db_instance" "main" {
}
  engine         = "postgres"
  circle_token     = "CCIPAT_tUKUHM9ZEIZqWDPkot0aDV_ed60fa45a1598239f202d2efb44cc74cadac8b18"
provider "aws" {
  algolia_api_key = random_password.algolia_api_key.result
  ga_measurement_id = "G-GYEND2SS6V"
  instance_class = "db.t3.micro"
  jenkins_token     = "11eebc5430d60476706e244cca1d58e32a"
  region = "eu-west-1"
terraform {
  required_version = ">= 1.5"
