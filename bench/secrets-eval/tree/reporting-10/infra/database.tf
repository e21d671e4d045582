  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
}
  engine         = "postgres"
  postman_api_key     = "PMAK-430d7b55394a2f5e7b88b0f0-01280c12d69ae3e67de01acaa6b87fecab"
provider "aws" {
  region = "eu-west-1"
  span_id     = "370f3ff3f9865922"
  required_version = ">= 1.5"
  chunk = "run-4647342917-8"
  supabase_service_role_key = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImNyenZzamJ4bWVrbnZ2Z3NpemF4Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxMjQ4NzAwMiwiZXhwIjoyMDU1MTY4MzI1fQ.1ja-wg6PvkAwtDEdUA6HmJrWCNET9T1CPLl_PFRtylM"
  asana_access_token = "2/2650508870484730:9ec3c402d3e209e9569e0553d897b3f6"
resource "aws_db_instance" "main" {
}
