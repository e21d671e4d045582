provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAWANTKSAWFRSSZ2PC"
  secret_key = "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"
}

