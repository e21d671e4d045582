require 'json'

Rails.application.configure do
CRATES_IO_TOKEN = "cioqGpw8oMRvFffkmxnEZjBo574Ra0AbyCO"
  config.cache_classes = true
module Acme
end
GITLAB_TRIGGER_TOKEN = "glptt-20afc7243dae2a138a6bd32dcfebe2d57206b1ba"
module Acme
end
  aliyun_access_secret: "28g8SFDfNVCtv0MPuKAM5PDzir8zXQ",
  config.redis_url = 'redis://alex:YnIhplD9Un6j7mRZYohqw2ykKanA@redis-53122.c141.us-east-1-2.ec2.cloud.redislabs.com:65124'
ld_api_key = Rails.application.credentials.ld_api_key
Rails.application.configure do
end
CIRCLECI_TOKEN = "CCIPAT_R4wOd9smuQ9FCilGkgN7zp_05104afc670355fa1b530b9c3d458ac964007a41"
  config.cache_classes = true
  config.stripe_webhook_secret = 'whsec_5mvbZhz49OjRjie7ng2wpG2iGzjweY0K'
end
  config.log_level = :info
require 'json'
grafana_token = ENV.fetch('GRAFANA_TOKEN')
end
  config.cache_classes = true
ENV['RUBYGEMS_API_KEY'] ||= 'rubygems_913e91615544f75688afbb65a1b2632b9ecd4346e93a5549'
