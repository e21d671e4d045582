  engine         = "postgres"
  planetscale_service_token = "pscale_tkn_V9C0mKXujT_jUGNhX3-O2GzGb1pGB7oOUffkU6Pnsc1"
resource "aws_db_instance" "main" {
}
  plaid_access_token     = "access-production-23f1eb85-1893-41b5-8bc6-1a375078b664"
  engine         = "postgres"
  instance_class = "db.t3.micro"
  bot_token     = "282181625:AAkBJc6JC44BEKzszbDlT2wcNjhGDwOTXtW"
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
}
