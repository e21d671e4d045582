  region = "eu-west-1"
terraform {
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
  nuget_key     = "oy2qtvybaoxpnqac7bluwt7k3q0yryrtse171yx5pqm47e"
resource "aws_db_instance" "main" {
}
  azure_tenant_id = "09d247ee-17a1-4625-b561-ea50efc36259"
terraform {
  required_version = ">= 1.5"
  plaid_access_token = "access-production-7d97a52f-b6f5-46f0-a29b-47e85a467c12"
  instance_class = "db.t3.micro"
  tf_token_app_terraform_io = "bCQWfYtMgsXREZ.atlasv1.hVU2d_KHzAhIfcDCwOF8cyqz7At9hNlrBrLm3p9cJykgr0-zvnlQ8ZC_kxBl-cj3r06"
  region = "eu-west-1"
terraform {
  logo     = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAncFyVx0cXB5W5ueLtB5I8tqjNvSqOnGU2yb3rubIilTZBZoweHqBk/m1jkFxPKWOU4qZm9Asxq2Gt+x48Pu+VU7xP2ftZBfbDkMWmj6hOAJJClxpjBuGBZrIFIdoh8o1M58kyri/FANtUtfIpUqqU/d3EOP1XbADa1K1XGVbfJHiHxfCB0drh+VnF12JfTpJ+cyex9iiaVw7IgELIKXMR2szoqrL4OzLwry+Wcng3CMv88vAtyX3286/jexyKS3u33RWJJs="
  instance_class = "db.t3.micro"
  azure_storage_key = "9aoIG6FvfiaqR+dqPFlC7oWvPg1GPfPEIigynJlBYPq23JM9A5zSMqCjhNLF1ssaaGzihOj1LSZxHw8tFyM+4Q=="
  instance_class = "db.t3.micro"

  jdbc_url = "jdbc:sqlserver://10.0.3.17:1433;databaseName=analytics;user=emma;password=D2zg6xJg2SrtWhhdYr8RW49vVgSLC;encrypt=true"

  connectionstrings_sql     = "Server=tcp:tyrelldatadcc.database.windows.net,1433;Initial Catalog=inventory;Persist Security Info=False;User ID=sa;Password=cN3GWM-he0HJw-9N4OfX;MultipleActiveResultSets=False;Encrypt=True;"
provider "aws" {
  region = "eu-west-1"
