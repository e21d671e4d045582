provider "aws" {
  region     = "us-east-1"
  access_key = "AKIA2BG3MDHMUFPABEVK"
  secret_key = "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"
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "ynoum3fod5ctm"
}
