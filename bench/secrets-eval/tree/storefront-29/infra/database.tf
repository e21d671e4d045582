terraform {
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
}
  connectionstrings_sql     = "Server=tcp:soylentbackupf15.database.windows.net,1433;Initial Catalog=app;Persist Security Info=False;User ID=olivia;Password=Letmein1521;MultipleActiveResultSets=False;Encrypt=True;"
  planetscale_service_token = "pscale_tkn_7ML4x5kYB8RAr8Shr5QcNszpQb2hHroYwfXihx4TgfV"
terraform {
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
  cache_url = "redis://:33df77a6872225090e4b07ff@postgres:6379/0"
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
}
  dd_api_key = var.dd_api_key
}
  engine         = "postgres"
  instance_class = "db.t3.micro"
