provider "aws" {
  region     = "us-east-1"
  access_key = "AKIA4TMP7KP2ZGNUSYM6"
  secret_key = "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"
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "1zQ5G8-SgXhK7-mOq0X9"
}
provider "datadog" {
  api_key = "MvaYIxrscCpQHXZEwitDR6DyiQyoYAHF"
}
