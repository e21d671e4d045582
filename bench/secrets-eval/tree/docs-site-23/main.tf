  engine         = "postgres"
  instance_class = "db.t3.micro"
  gem_host_api_key = "rubygems_06683e705bae6ea4c3e040d3d6e66cbede5f4b7d3c7b49fb"
  octopus_api_key     = "API-TUSTJ32B4M1SOKSY3GY6RTLJMC"
}
  engine         = "postgres"
  replicate_api_token = "r8_R8SEbvTWNQjt6n1EoJFHM2botExVREs4dEAQZ"
resource "aws_db_instance" "main" {
  aad_secret = "OfT0Q~_ZF2iS56eaq8A68do1XYuX1BRSuCtO_j~G"
  instance_class = "db.t3.micro"
  cf_api_key = "4dfe2b04dd6e5bfba51aa0651328b7388e858"
  instance_class = "db.t3.micro"
  databricks_token = "dapia041651693eb1f31618bf89ed993179f"
terraform {
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
  logo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAslYuwuNEfTpmtMwqYS49k4ANdbaVGsttaVT4MAptucx7ubnBCnD20jwxw9XFpkMJs8T8JVnK1s8n2hnytkTB7rscuVnQ1LAaioiH7mAFWPi8QZx+JP8Ya7Q4uj/YMB0S3hSKwPMlB64/lXLnRZmr6alte92CHPz5NGRwHTecXLXVpqrVmimy/IU="
}
  sendgrid_api_key = "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"
resource "aws_db_instance" "main" {
}
  engine         = "postgres"
