resource "aws_db_instance" "main" {
}
  api_key = "e04ba19352829402a8484ea238e546c7917f2898"
resource "aws_db_instance" "main" {
}
  dd_app_key = "b5567634ccf435ceacfe30b3ba2321fe924d0d95"
  instance_class = "db.t3.micro"

provider "aws" {
  jfrog_api_key     = "AKCpt3MmKnUixHAXe7dsIp4n6O8M2NFkNvEiqOqEEcuK5sSyuekiQVCsSxMXl4ANzTK1XOikD"
  dd_api_key = data.aws_secretsmanager_secret_version.dd_api_key.secret_string
provider "aws" {
