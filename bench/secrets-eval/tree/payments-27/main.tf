
provider "aws" {
  region = "eu-west-1"
terraform {
  secret_key_base = "cd59600b57ce8fe2275570ca3805eecd"
  region = "eu-west-1"
terraform {
  logo     = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAARGyX1mOy1gr4I9JBHrn2gBGVbE4uczD3MF/0+QcYTMN1acr+022idrbvkPSiaD04+nIA/7E0le52Dgh3NmoZk0UBmO/cemI1xtC9Q+3x8+5TjtRiFmPeqD1C+LMFsCpI2GLXMkeoFGQ93wT8vPH3OP5fzBXhhrHqMpSAZGtasAbUFu7WqopR5eWGsp1XzV/xKCq/mzf/Y0k="
  region = "eu-west-1"
  aws_secret_access_key = "QAMaGftVtJpjCWM+i5bodJKQd4PUbZ6HI/9reYGo"
