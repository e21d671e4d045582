provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAX7LUR27MPOQA4IXW"
  secret_key = "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"
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "8wph6iw1emcvgzbx"
}
provider "datadog" {
  api_key = "qyFq0WY6i2syIJ2Ka9DH4FUk1E4raQNT"
}
