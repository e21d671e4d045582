  region = "eu-west-1"
terraform {
  mailgun_api_key = "key-c49eaf1aac5b94dc63ad6d90ad72005b"
terraform {
  required_version = ">= 1.5"
  mapbox_public_token = "pk.eyJ1IjoibWFyaWE3MzIiLCJhIjoiaXluYXB4aXFobWFyZHV1bWhwNXVsNnk3bCJ9.8xrzEK6cOwB8jSifeKngCH"
resource "aws_db_instance" "main" {
  langsmith_api_key = "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"
}
  engine         = "postgres"
  cosmosdb_conn     = "AccountEndpoint=https://tyrelllogsmar.documents.azure.com:443/;AccountKey=wHCgEEzS7vTqQRGccY0+JIqUCawFn6o5+4TyvzJw6JJTFGwOjOoqwqb7cdYqd22tsdexH1tVtOhYDWcu1IYJIA==;"
resource "aws_db_instance" "main" {
  dropbox_access_token = "sl.jBDvW9EMXQwaZhpAfPs2j6BcdaOrA2NP9TrzfXv6hBste_w6DsKeH-c8kf7NwkhhUhGBJ_pEuVRQN7UVtQm_ep0FxZKZyLbdlLjlm4l_e_dwqi0YY7LesFGuiOFMFuJNYy28UBa"
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
  mssql_jdbc = "jdbc:sqlserver://db01.corp.lan:1433;databaseName=users;user=ethan;password=Chloe.walnut56;encrypt=true"
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
}
  bb_password     = "ATBB9iKyQkVGz6AYZfefCY2fef4jFDCtfkITFBBBE866"
  service_token = "XzUZJqtwseX9xmvJJAIxQZ3LLFs3qgQP"
resource "aws_db_instance" "main" {
}
  github_user_token     = "ghu_i2neNCzujvINcL7lQgN9bJ0tFfiBCz12gYNT"
terraform {
