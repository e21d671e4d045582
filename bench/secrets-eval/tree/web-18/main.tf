resource "aws_db_instance" "main" {
}
  engine         = "postgres"
  instance_class = "db.t3.micro"
  pagerduty_token = "JBVfaITWcaYazUISWMsv"

  azure_storage_sas_token     = "?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2025-05-18T00:00:00Z&st=2024-04-09T12:00:00Z&spr=https&sig=GPl4w4%2BvojKRWNGXnttPHzVcfgbPDsOvwMbk%2Bvv2iNc%3D"
  region = "eu-west-1"
  mysql_root_password     = "coffeewaffle571"
}
  engine         = "postgres"
  okta_api_token     = "002HLNU3PXw0K-yUd4koUE_2TjJlhAGrocFlyOkSPD"
terraform {
