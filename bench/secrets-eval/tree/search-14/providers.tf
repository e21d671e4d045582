provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAKCE557SCMSYX26VB"
  secret_key = "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"
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "Ky.1gm&ybRE%t@xT#!"
}
provider "datadog" {
  api_key = "Ez1OWKUqvVejKDz6LaMVpI38O3g2ILPjEm7PAWPU"
}
