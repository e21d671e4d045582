provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAQI6VSGP7TAM3FQ7J"
  secret_key = "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"
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "+ZxkjW1h4IQMjXbxXib1iGqh"
}
provider "datadog" {
  api_key = "4wFhqPuycuuPxn48E7FgMf918TXeLrJG"
}
