provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAMPP62ZLQOW5C6VR4"
  secret_key = "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"
}

