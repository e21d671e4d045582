  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
}
  engine         = "postgres"
  linear_api_key = random_password.linear_api_key.result
  required_version = ">= 1.5"
  db_url = "postgresql+asyncpg://mia:hbKsbF5VkHGCV7g63lJvDXQE6Y@db.internal/app"
  azure_storage_connection_string = "DefaultEndpointsProtocol=https;AccountName=tyrellprod6j0;AccountKey=FiFc1U23H7mj8eAkyJohJH+RJ7hWDyeIy71D2Kr3R/UnobyPADCTZS4pA7lPRcmwxI9ezNfw2gtgtKj25m60aQ==;EndpointSuffix=core.windows.net"
terraform {
  hubspot_api_key     = "pat-eu1-1d61fcc7-6a3b-4c0f-ba47-ef387b67815b"
  vercel_token = "FsfWYtZpXcMxAVqqt8CMgfwe"
  region = "eu-west-1"
terraform {
