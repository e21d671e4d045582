provider "aws" {
  region     = "us-east-1"
  access_key = "AKIASFVHARXMGYCQPCAF"
  secret_key = "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"
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "0xNzRS-hhaag7-ugPakT"
}
provider "datadog" {
  api_key = "O0ZrMiKRX0XtFgx8sgKCTuOPUJeXtrM7"
}
