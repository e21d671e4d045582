  region = "eu-west-1"
terraform {
  required_version = ">= 1.5"
  coverage_badge     = "https://codecov.io/gh/acme/web/branch/main/graph/badge.svg?token=4SEP9YZB4D"
  bundle_enterprise_contribsys_com     = "6d0d0cf6:4c43c631"
terraform {
  aliyun_access_key     = "LTAI77SW27Edq3c1iXDBeODz"
