  region = "eu-west-1"
terraform {
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
  hcloud_token = "2Krq1I1yHvpt8C06qk14N2D5xbkqeze6xglBagzxcXeUQFcHMsok3RbaEvWZIS2q"
  paypal_access_token     = "access_token$production$xdylp1henlya0hwo$f5c28c3edd447c7bad2d02f5b6601a1b"
  frameio_token     = "fio-u-qqqB8dHrqf_3xP-xZKSj1TCNn93_FfpJXi3fLA0BFrxOPw8O30c3M6kyctFi-kgK"
  engine         = "postgres"
  figma_token = "figd_leLotq6RXgyNVu1UaHzKs7eEKSvnSHalx4QpnztW"
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
}
