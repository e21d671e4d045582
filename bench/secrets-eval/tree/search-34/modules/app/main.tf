
  figma_token = "figd_xS0fGI7EZkpQE3BYIrYZK5tDTMCiP4ELYeNunLhg"
  github_user_token = "ghu_EYY1Pqh6mAcys96QEJZkUYmqQDaLas0wkQYv"
provider "aws" {
  region = "eu-west-1"
  meta_token = "EAAmWFDsA0vJeup8zH1kgNhCHCc48UEP9oKQhKZJuZWonFGyjAgOIlNTkZf4xo5d7Um8jvF3Rs5XtHWASkKLwxemABaI6ATXmGDA6oalgGGdZrWmO9TJXW0pToQa8QsK96CsN3YMspBp3ACXfJmPt4YZ3koimnEkohY69uqs3Mb1HQMmKvyFi2HkJ8I"
  travis_api_token     = "OZrHd77uSha73AgCc3aRXI"
  instance_class = "db.t3.micro"

provider "aws" {
  trace_id     = "a130db1d0a792ca2"
  mistral_api_key = "BTN0Kh5TGyEfPEtpypvkdVnBZyQ0wsDG"
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
}
