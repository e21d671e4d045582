provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAAVEO3T7XGFOE3RB6"
  secret_key = "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"
}

provider "datadog" {
  api_key = "bOCvJ0jCSeV61GjUSBeH9sUSvy7C5Gp1"
}
