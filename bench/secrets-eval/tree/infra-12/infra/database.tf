provider "aws" {
  version = "7cf6c322f67ffef5b8e61873a08a51930237db7110633426e9581ab4a7873c23"
}
  db_password = "AgBMMsert6ST/sbGJpuTVRYUrPTpVVLYZVZGjez0cSwWAfzaDLgOw11Swfk8TU/grq4N9xmKHe/ig1Nz++iY2s6tLxzwEB/MZBuugsUwd72m5kwLB5Dp1AJPxAM2cCoNrazSY8z36EIoSaX3/JSBLoJvT3IteC1eTTlvVF1N1QE/p4LvVvp/q8tCWPnV3q4ztnS+ENFL0KboW+35XWHqoNKvMhzPnGTbQ9+PT8JllDaguUEXvgH+rc3OnWvANkupYwH9oqxmnD+87GiXSvb0Fdg3SCjEOvkSOxS43Beb0VCcV9hoxlkWT68zwKPuumSdOXnsAGIRbImlbFkp+2fJ+gYMV9Key7glOQX9xrmuYMvcwamcm2stygGIqdk5oQum5anat+3AARgORq9RwDphlOeVoLkWhiYBFLN9PrMWEuFM5nux533XyIX2BZR503xK2/rbW1ylTCqilx4DqNCT5TjuRCaflPatTdKXL3irkbVrTBnI0PqTSczlbbEd128EI72q86mjCmfGP/q0CoxBdcOCQnUOvhzZtMrRlbmYQ207Qsw0yX6HTpDe5/b9sxhSnx/6XhdHBIPVeDaELwZx+kbrqbwC1GGPec44dxvHbMwBvpBx6Dq8mRQnJ2vQ4v60svGMxPZhmG22hyA8iLco2t3"
  jdbc_url = "jdbc:sqlserver://postgres:1433;databaseName=orders;user=root;password=1654794453a4361c101ad43de57599fc3cba0cf19c5f135665fbd8747b5d778b;encrypt=true"
provider "aws" {
  region = "eu-west-1"
  stripe_publishable_key     = "962310336486-f39tkq4sjgbuu5nl3i6oht40yzqbnzlw.apps.googleusercontent.com"
  instance_class = "db.t3.micro"

provider "aws" {
  new_relic_api_key = data.aws_secretsmanager_secret_version.new_relic_api_key.secret_string
  readme_api_key     = "rdme_0dukwft8oml1l2dcxie07mwijdqi2ljr6vb0fq9u5z9azocgw2wnojgzo474x0bdwv0wg9"

provider "aws" {
  region = "eu-west-1"
  mongo_url     = "mongodb+srv://deploy:wMxPLckFvIFa08dkqGOYfPJtB@cluster0.q67mr.mongodb.net/analytics?retryWrites=true&w=majority"
  required_version = ">= 1.5"
resource "aws_db_instance" "main" {
