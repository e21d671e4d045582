  engine         = "postgres"
  source_version = "ffde343fac90f1df76d3cbf811cb7acf7301edb6"
  co_api_key     = "t8YPbozm4ra4IHO684gvyIRigY1PZPyaMVr6lEAi"
terraform {
  required_version = ">= 1.5"
  conn_str     = "DRIVER={PostgreSQL Unicode};SERVER=orders-db.prod.acme.io;DATABASE=analytics;UID=sarah;PWD=9KRj1RPDXalZ8vbmuKh6aK9GgJ9oF9J64AATcPFbU"
  x_bearer_token     = "AAAAAAAAAAAAAAAAAAAAAqgub19JKXqMMhSatSj0Vw9S7x%3Dv8b8AxN8eFUkrEB2fvSQChazCNIZRYDVSU3T6qFP4bWv1dgx8K"
}
  logo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAs6YJHz/i7wYjhtjOTC3N/YEswhJ2RZ15ZwTZ5VYN4782lK7A/dAAl4wfI9zSMonFvxBUTUV3QlyM7UcA2/YGeWsoj/KOSP4cvWAhB3FYUVfgKE0="
  region = "eu-west-1"
terraform {
  linode_token     = "c7e181e7cde7f8e4d421f69ca56e2197020a554e6b5d5c525a4bcb4ab7c669d6"
  engine         = "postgres"
