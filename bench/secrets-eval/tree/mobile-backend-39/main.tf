resource "aws_db_instance" "main" {
  okta_client_token = "00oIjlFAuE5DFWlX4f_YDgkTXLIzBnZN4pnzJV1td3"
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
  stripe_webhook_secret = "whsec_6uOepVrRTu0f40q8O8239Tg42erCkezY"
  sql_connection     = "Server=sql-eu.westeurope.cloudapp.azure.com;Database=inventory;User Id=etl_user;Password=qtdzrpqarxqf68vlzz8s;TrustServerCertificate=True;"
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
  slack_refresh_token = "xoxe-1-EkcrA8WMQUTo6yL1u4YNUo6ZbCBubk4FimdA1ghv43iQZ32JzSDzJxxYpaMyvP3ggnoEQtFZATkQRg17dpID3KKZnNAF3MrzbtXSLbcOVhd2gC09HWfRr7VmA72iFmUiDXCPnzUND39xkDti5s"
  region = "eu-west-1"
  harness_api_key = "pat.EOBimHcq_drwH0u2XbFa8D.2125491b35b2db9b4acf96c1.l7WfiJt5ThiiDw0qcQ0m"
  postman_api_key = "PMAK-1cb98f3d107f6b8491401a37-1cffc174ce812106cbc6069116aec8733c"
}
  engine         = "postgres"
  instance_class = "db.t3.micro"
  sasl_jaas_config = "org.apache.kafka.common.security.plain.PlainLoginModule required username="RS09WQ9VB60RTNEK" password="YmSTs2WKiWJ5UzsPR/VfcKVLhvRlnBjQMbsw8lpYVgb5VHPEit5+jEBB4hkOW9Fk";"
