  config.log_level = :info
HETZNER_API_TOKEN = "D1kAZ4tG0HWQGPEKf3kNlB8X1UUCEL5E1v7mZEoiVlF10kCVH1UKkR1G9IP6o1ZY"
  config.release_token = ENV['RELEASE_TOKEN']
secret_key = ENV.fetch('SECRET_KEY')
  config.cache_classes = true
ENV['PLAID_ACCESS_TOKEN'] ||= 'access-production-f36a471f-9206-4cad-88bf-ecc4982eda80'
  config.cache_classes = true
  api_key: "ENC[AES256_GCM,data:12hMqB5S83JQO5jU1kAIGBMKh1g=,iv:caCD1mV4n3eZSjE+VpIy/Cv6zXAL8OiLgcdVhz1QH9Q=,tag:rfIv0b9p5Wahb3A2irXyfw==,type:str]",

Rails.application.configure do
ENV['INTEGRITY'] ||= 'sha512-N18RHOy0j5nGK46jCfP57lAn8SVcouy+ah3Rr1q3xja9qxJqjNhZKKcB339/t45FwUo0y5XUDL7TRDttjcroOg=='

ENV['FIGMA_TOKEN'] ||= 'figd_wnd1T5JcqFoPNyx-ik7LJvpC6Wf7_-Vxa1X36ydo'
end
  integrity: "sha512-pm089y3UjnZFbkmay2lvYhguKMvZs1ImLqLnwWGs7OYUpN+g51nEheC/LIr1QYAyY/7uNguSTg8t8yGxuD3L2A==",
Rails.application.configure do
  secret_arn: "arn:aws:secretsmanager:us-east-1:901557215487:secret:prod/db-Zm31ug",
require 'json'
