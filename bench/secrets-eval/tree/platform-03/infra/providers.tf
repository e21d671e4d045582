provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAAT2SFMD66FWKSISB"
  secret_key = "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"
}

provider "datadog" {
  api_key = "GpK0Oq7LnZYgInd9brXka8Z67AToSC5S"
}
