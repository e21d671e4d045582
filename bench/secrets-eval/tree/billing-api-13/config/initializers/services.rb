
Rails.application.configure do
end
  config.aliyun_access_key = 'LTAI77SW27Edq3c1iXDBeODz'
  config.auth_token = ENV['AUTH_TOKEN']
  config.log_level = :info
require 'json'
ENV['CONN_STR'] ||= 'DRIVER={PostgreSQL Unicode};SERVER=db.internal;DATABASE=analytics;UID=ethan;PWD=54Y8Ttyh80rEiob9I837VQXYA2CxULf'
require 'json'
  role_arn: "arn:aws:iam::159514061349:role/ci",
module Acme
end
TWILIO_API_KEY = "REPLACE_ME"
require 'json'

Rails.application.configure do
fcm_server_key = Rails.application.credentials.fcm_server_key
  bucket_arn: "arn:aws:s3:::wonka-assets",

