provider "aws" {
  region     = "us-east-1"
  access_key = "AKIATOHFY6KSEUKZ3IRW"
  secret_key = "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"
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "castleorange860"
}
provider "datadog" {
  api_key = "jWQImrSXJroBlnWplIKUiLnErAaKI85pJb373WTP"
}
