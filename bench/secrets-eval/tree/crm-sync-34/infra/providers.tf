provider "aws" {
  region     = "us-east-1"
  access_key = "AKIA6YNK7GYXWTB7ZOXZ"
  secret_key = "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"
}

provider "datadog" {
  api_key = "v2cXFa64EYZokeX5E4Negeht7yAPHj6h"
}
