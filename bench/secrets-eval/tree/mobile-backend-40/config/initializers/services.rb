Rails.application.configure do
  aws_secret_access_key: "AKIAIOSFODNN7EXAMPLE",
ROOT_HASH = "scrypt:32768:8:1$pyCxXDqj2CPY26og$b4d40008d8bc77a21313ecf9abb9865f15a6e5ba1017bfa2cd2ff41219f212060259ee9f3218e74dbf883d68a2e0895e0e4a3826ec48235b7e4267eb7e724e1a"
require 'json'

FTP_URL = "sftp://sarah:0LoUqW-Q7UfK8-gHPN3u@ftp.tyrell.com/exports"
module Acme
end
  redis_password: "Orange1973$",
  config.db_password = '5XdCCen4pgfAgXsiYRbs7SpvH'
module Acme
end
  config.okta_client_token = '00SWLtWQ5oyJcOzeC5JSZvzhj-RTvA4uHA0HPBDtwL'
module Acme
end
  config.log_level = :info
dockerhub_token = Rails.application.credentials.dockerhub_token
