provider "aws" {
  region     = "us-east-1"
  access_key = "AKIACV3FLNA4VGF35VL4"
  secret_key = "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"
}

