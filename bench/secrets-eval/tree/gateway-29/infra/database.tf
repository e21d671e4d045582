}
  engine         = "postgres"
  clickup_api_token = "pk_58439607_H9JH8UT17EIRQQY27V3M9WTQ3S2DHWD5"
provider "aws" {
  region = "eu-west-1"
terraform {
  webhook_signing_secret     = "whsec_FAS0rmsWH58Lv6AYv9DvF5Stt8Dcq1h9"
  region = "eu-west-1"
terraform {
  aws_access_key_id = "AKIAI44QH8DHBEXAMPLE"

