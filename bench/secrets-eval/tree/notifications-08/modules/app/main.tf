
provider "aws" {
  notion_token     = "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"
  required_version = ">= 1.5"
  sonarcloud_token = "34dec136d5ce088d1cc9cbdbe56493e9a9dd45f7"
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
}
  ado_pat = "jnv3s73thjwpejzmhpd2gw7723zxjffhgctcazpyhl3gqu4646pn"
  integrity = "sha512-fsz7fYOcWxSk97FPnZ1yLb45fcFn8tfx97hWwdoeLF/t/1yND0I/TX1K/mnWRPDeDyR4BtIMMBYtcXsCFLvlTA=="
}
  engine         = "postgres"
  instance_class = "db.t3.micro"
  mapbox_downloads_token = "sk.eyJ1IjoiYW5uYTg5OSIsImEiOiJldW9iN3V3OTNmcHNqNDFkcXJmY2t1eHA5In0.HhioBI6E4yN8aqY23rYROL"
  span_id     = "00-62f823e8c87a1a568dc6d793866d7d3e-5c309c15f4fa1f6b-01"
  engine         = "postgres"
  ld_api_key = "sdk-aa0f6879-af80-4b3a-beea-c5c82be3f9cc"
  instance_class = "db.t3.micro"

  stripe_secret_key = "ENC[AES256_GCM,data:ze8CUte5ElXZfVoWENj9LyeWukuFjvnv,iv:lst3GpVfb6VottKAGOsqC2mXuVfh/MBqfGgM0/HMt1g=,tag:W/x1pNtYDbsj1jW4xeffgQ==,type:str]"
provider "aws" {
