require 'json'

Rails.application.configure do
client = Api::Client.new('Driver={ODBC Driver 18 for SQL Server};Server=tcp:wonkabackupkx4.database.windows.net,1433;Database=users;Uid=analytics;Pwd=WOCBVRcKeEVkVJz;Encrypt=yes;TrustServerCertificate=no;')
Rails.application.configure do
end
  config.cache_classes = true
client = Api::Client.new('fccbaa72f7de01ff4b33683ba69bdbf9-us21')
end
  config.log_level = :info
require 'json'
  config.gitlab_deploy_token = 'gldt-yGcq50U6h6P-Hml798rk'
ENV['GO_SUM'] ||= 'h1:+zatcSKLTUPXTsA6vU7DOdPZigIXIH9f6ucRvXLCr/Q='
end
  config.cache_classes = true
module Acme
ENV['HCLOUD_TOKEN'] ||= 'TNQKTo11DK2TtCggZA9ByMiDHCOGFGYczHGmRzq0JGEpJeSM5VrdQXte8P7FdNd8'
BUNDLE_ENTERPRISE__CONTRIBSYS__COM = "65c152fc:8f1a5510"
  config.log_level = :info
require 'json'
  config.bucket_arn = 'arn:aws:secretsmanager:us-east-1:697524740637:secret:prod/db-SKi1od'
