terraform {
  anthropic_api_key = "sk-ant-api03-g1th08BzkZuvcH-9_t8PqJlpscChKZ_J8V0ga2w0I23z8sENNYCPqkGbyX_x2wlwYYTnNad_gYCkR1suSUYPdipArmcahAA"
terraform {
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
  pypi_api_token     = "pypi-AgEIcHlwaS5vcmcCJQgBEiDc2eyGifLfPNGDvAqzPBzRVDo6eQUz1mjz0RLQI_49VIPVYNeU8LXWR7-Uoqs6hLIN5RkNY3j9elM3e7Lvxk9dkVPWAFAykLwlPB5bz9c9B2JBepWFeGLtow"
  required_version = ">= 1.5"
  sas_token = "?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2026-01-10T06:00:00Z&st=2025-01-09T12:00:00Z&spr=https&sig=lBkxhOw9PBPaf4tNubZchYQ8UlxTjs6DFTCoh%2Bs1qoo%3D"
terraform {
  required_version = ">= 1.5"
  google_client_secret     = "${DB_PASSWORD}"
terraform {
  required_version = ">= 1.5"
  grok_api_key = "xai-9py6FCZfjkmqVmvqm3FHVRnvn005UFFUwij3g7g3fSdATNETKcSipsHTpYzNQZ2Xjb8rm84hJY5IYTWa"
terraform {
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
