
provider "aws" {
  region = "eu-west-1"
  deploy_pubkey     = "ssh-ed25519 AAAA4McR/UGDaYBrW/+fYe0MQUPO5QSJT7I+o+DSOX+dbfxHvdJ2j3WwikIYT2JxYXnb mia@laptop"

provider "aws" {
  password_hash     = "$6$gaQby6br$RTECFE1jdkGFiOrbZKikyJvFI1nvYAz1gdiCXzdoP.G3qHC68GEDt4hFAZSpzJ1VudTX9faI7LvNsiLL9RY3lN"
provider "aws" {
  region = "eu-west-1"
  okta_client_token     = "00efslKW5cYQFP5bYGGJaQ_igLqJOH7nGNu0_aedAk"
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
