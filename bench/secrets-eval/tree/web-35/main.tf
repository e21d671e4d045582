  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
  rabbitmq_url = "amqps://kevin:ShadowPlanet68@rabbitmq:5672/vhost"

provider "aws" {
  apikey = "efa2b3ab056a1bcee6d6f4872b061a005ada8a8a"
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
}
  checksum = "03101fa86f6361f8bec3df8ecac079a01efd3ee9e8772550c999ef2627b0fdea"
}
  engine         = "postgres"
  instance_class = "db.t3.micro"
