provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAZAZW3NCPNSKWX26O"
  secret_key = "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"
}

