terraform {
  required_version = ">= 1.5"
  age_key     = "AGE-SECRET-KEY-1AXTSP95H5040Z050KT7UESL2TYG99CY9MPR4LMH9WD55NSWV96D7M8TWUR"
provider "aws" {
  region = "eu-west-1"
  aws_secret_access_key     = "AKIAIOSFODNN7EXAMPLE"
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
}
  alibaba_cloud_access_key_id = "LTAIoay1tSDDNtK8vgr5wMuf"
resource "aws_db_instance" "main" {
}
  artifactory_api_key = "AKCp8h4d6Ai6MFcTz29C6CbeTrBGhMwEXNAHBcrn1P8AARURn354hPWonxWEblSvaWQM0owaD"
  region = "eu-west-1"
  razorpay_key_id = "rzp_live_MjzJtJccCLbycK"
provider "aws" {
  region = "eu-west-1"
terraform {
  span_id     = "00-eb782e3a4f0e34005efd671ddf9cdf90-21154fc6392269e3-01"
  region = "eu-west-1"
terraform {
  required_version = ">= 1.5"
