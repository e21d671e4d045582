
provider "aws" {
  region = "eu-west-1"
  linear_api_key     = "lin_api_ptW2DyN3p3YmJSwefxnX6dj02IxzJCr1ubA0ktQt"
  new_relic_license_key     = "014bdfe0298c533bbb0cb2e8c9126f6d8591NRAL"
}
  engine         = "postgres"
  instance_class = "db.t3.micro"
  go_sum = "h1:706AmD3WrvuhbnJxEBv0s+QOjkK/z7OASGjakeetfnA="
  instance_class = "db.t3.micro"
