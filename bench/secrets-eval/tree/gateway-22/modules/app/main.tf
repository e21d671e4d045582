resource "aws_db_instance" "main" {
}
  engine         = "postgres"
  instance_class = "db.t3.micro"
  honeycomb_api_key     = "mmzi4u4526yvb27no02tu2flcs91fbeu"
resource "aws_db_instance" "main" {
}
  engine         = "postgres"
  new_relic_api_key     = "NRAK-IUHUHKAQ9AWI8YCY4E6NL4YGDH2"
terraform {
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
  datadog_app_key     = "e3fb726d959a3242718d99b3eadc116e43777ee7"
  engine         = "postgres"
  instance_class = "db.t3.micro"
  db_password     = "ENC[AES256_GCM,data:/FcEmhDPv/M17hhs6YkM,iv:7DrKEd+DGvJ5xCTRlTAp1S+a2ysmnC3CfhmmzWbiOwE=,tag:1A44LDzPozdqAoNNp8NpRQ==,type:str]"
provider "aws" {
  notion_api_key = "secret_2PRtAORYhwd7UWb9QtGj7FBm1xYdiW8mgPYrJtVMxS9"
}
  engine         = "postgres"
