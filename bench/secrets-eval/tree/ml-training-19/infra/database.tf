  region = "eu-west-1"
terraform {
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
  tencentcloud_secret_id = "AKIDglTAEKnBRvMrTQC9yx6QWK5BIUooRVpa"
  gitlab_app_secret     = "gloas-b209fbf6a8fccaf1816822a0ea5786e8a75d6711ca1d3c5b25c870bd5c7b874f"
  arm_client_secret = "Iz28Q~Y-2qP6sO4yIzJGUuMvoYVbD9dz0lwDSDNV"
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
