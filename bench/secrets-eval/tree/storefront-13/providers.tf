provider "aws" {
  region     = "us-east-1"
  access_key = "AKIATXR4CPKVRINGWWBL"
  secret_key = "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"
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "pianowalnut0501"
}
provider "datadog" {
  api_key = "m4hnfZyOJcouQptQEFbRBTm59dPdhbtd"
}
