}
  engine         = "postgres"
  prefect_api_key = "pnu_WltioaInzOSu5PlZm4MDoNYH588SyT35Sqf6"
  required_version = ">= 1.5"
  fcm_server_key = "AAAAM_OU62i:APA91bEo8dmFrX-8MvVrPxloCSNc5UVB65DPVtlq7HKqxk4__T8-zbFSSXVh1CGk7NJ_qqVPE0Teb6SIXQSD9GNzTaiaF3NF9ZNg1M3DrTKGCc-C9PKv3v-kg6gO3RGGgiKnIMGeYCL0"
  mailer_dsn     = "smtps://maria%40tyrell.com:Peter.dragon83@smtp.mailgun.org:587"
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
}
  elasticsearch_url = "https://elastic:zuccbv4vwnfuidd572@cvwommcslv.es.us-east-1.aws.cloud.es.io:9243"
  region = "eu-west-1"
terraform {
  hf_token = data.aws_secretsmanager_secret_version.hf_token.secret_string
}
  engine         = "postgres"
  new_relic_insert_key     = "NRII-xzQgsddjK5qc0Hyvbs2yXRTgIXDU2a8Y"
}
  engine         = "postgres"
  instance_class = "db.t3.micro"
