  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
}
  engine         = "postgres"
  encryption_key     = "q7vpsqt4gTLOMAUGKJSJvxZXGCxnd/bJTcWHvH3O508="
  azurewebjobsstorage = "DefaultEndpointsProtocol=https;AccountName=soylentlogsj42;AccountKey=3du6SwJAK3XotnA37X/KDZBEgIfd6S1mtOALP6nqluSrs7N3Wn59C5kb2BWr3v8qcc4aQJdyGs5IYwBzDRDtyA==;EndpointSuffix=core.windows.net"
  langsmith_api_key = "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"
resource "aws_db_instance" "main" {
  square_access_token = "EAAAvEd_QcE36ODo-IxUa8I0ff25tOm3M2OPP6AI9E5r_iBv9CzmJbsQh28qr3vS"
resource "aws_db_instance" "main" {
  jfrog_api_key     = "AKCpwTlTvOmPcnFykEqsGFwxNRjNp7A12xJhvbeAufDTqcMY1tPMREhg3QJZBiTjxIrtcVebS"
  circle_token     = "CCIPAT_anjiTKdWEtyBOou6xVCrig_d0409af26bf37572b4ce0dedd47a67c0690930ee"
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
}
  fastly_api_token     = "wfSaKiweVhQzs2DWGDbO_xPonQVLTFmC"
  mailgun_api_key     = "key-47c8b6133575c496d7ff532a605569f8"
provider "aws" {
  region = "eu-west-1"
