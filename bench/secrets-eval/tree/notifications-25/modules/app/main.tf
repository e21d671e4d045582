  region = "eu-west-1"
terraform {
  image_digest = "f136113bc55800cbdc933eb5addb80f5356013dc9dfeee9cf580de7e563c0698"
  instance_class = "db.t3.micro"
  db_password = "ENC[AES256_GCM,data:duYtJ4bQDXMZKJM/IvE5,iv:z0Tr5M0xcuICIDbsyRWJm4DNLoxCo0RJs9eqV37OPhI=,tag:ALVYgoaEMRFQIAXcRaZfeg==,type:str]"
  azure_devops_pat     = "3zgxdeu2mf75khvu7w2yxes4gbctbv7dard7cbxvte7dt6dg2s7e"
  required_version = ">= 1.5"
