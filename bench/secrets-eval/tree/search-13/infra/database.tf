resource "aws_db_instance" "main" {
  harness_api_key = "pat.EOBimHcq_drwH0u2XbFa8D.2125491b35b2db9b4acf96c1.l7WfiJt5ThiiDw0qcQ0m"
  region = "eu-west-1"
  postman_api_key = "PMAK-1cb98f3d107f6b8491401a37-1cffc174ce812106cbc6069116aec8733c"
  required_version = ">= 1.5"
  sasl_jaas_config = "org.apache.kafka.common.security.plain.PlainLoginModule required username="RS09WQ9VB60RTNEK" password="YmSTs2WKiWJ5UzsPR/VfcKVLhvRlnBjQMbsw8lpYVgb5VHPEit5+jEBB4hkOW9Fk";"

provider "aws" {
  region = "eu-west-1"
  go_sum     = "01b22c79d715e35a0f4b7809a3a18e7927de2b100d8abd95c6d4748ca2a18a37"
  required_version = ">= 1.5"
  travis_api_token     = "Ds4qDJsmq31ec_FxLnQfLa"
}
  engine         = "postgres"
  instance_class = "db.t3.micro"
  ga_measurement_id = "pk_live_6KzGGsROY2vudXXZlOVzd7jh"
  anthropic_admin_key     = "sk-ant-admin01-Vmuw4aSoBRBkahjVimDfIiYi5duJ0mh-bRspeT-sPSIu6uuTUhX_G3ruZ0NcVzkHncHzzECY2XtMqrrumHe2NJ1n_s67YAA"
  newrelic_api_key = "NRAK-JGQD0XJO9HR8E55DQWG8P32B31C"
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
