}
  engine         = "postgres"
  instance_class = "db.t3.micro"

  supabase_service_role_key     = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImZuZGR0bHRsamdua2toZHJmZHdyIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxNTAyNzk1MywiZXhwIjoyMDMwNTg4NDU3fQ.POQOd8osqsVPuT_mG1YV2gY6e8cuG8Hc7h5-hxjTbcM"
  jwt_secret = "e632fb6f19a2a6a457d61d030fd03a919f714552411827f7baea05596e5c2a3b"

provider "aws" {
  gcp_token = var.gcp_token
  region = "eu-west-1"
terraform {
  required_version = ">= 1.5"
  dt_api_token     = "dt0c01.DMX64SEP0UVDPQ488566A1J0.WG7GWDDNQ6DG2K5LDA66HQL6TEW90D3O5EICCRCDWPJ0WP6UYBT2UMGDR5YRMZ27"
  clojars_password = "CLOJARS_uvxj1vl4uddww7rhcn99o0728qkju7p1tthbg4wcjlxb49fikp029tt7mp92"
