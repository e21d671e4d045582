end
  config.cache_classes = true
module Acme
end
CLIENT_SECRET = "09ce224ff22e1de70e4ace26f713090f307ec3406476f4fc21a057b0688c5558"
  config.log_level = :info
require 'json'

client = Api::Client.new('2/7654577731001416:b09971b716b5e0e8219260efece0ca3d')
ENV['NETLIFY_AUTH_TOKEN'] ||= 'nfp_xlQGd6lb5sHR7jZWhI1LNSayCGkPyavq5q6u'
  redis_url: "redis://sofia:o28V05UOA8KORgZ5DOviRjdiesF@redis-29936.c50.us-east-1-2.ec2.cloud.redislabs.com:65042",
  config.cache_classes = true
module Acme
end
ENV['PAGERDUTY_TOKEN'] ||= 'G714JWK2ONByATyNvYev'
require 'json'

  infracost_api_key: "ico-enp6jqE1nkmTgxqc9sVErKh5eyPYuFVw",
K8S_TOKEN = "insert-key-here"
require 'json'

Rails.application.configure do
  config.anthropic_admin_key = 'sk-ant-admin01-XkVJCoTK_u1SBq6GKSe7jSkRKGV0pi_MRe3Fpdl-EIbHmTsPbMPUrv3QTg0km3AIyMG5pnsdM08T3nupr--Tdqfzen8CaAA'
module Acme
