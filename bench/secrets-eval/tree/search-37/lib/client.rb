Rails.application.configure do
end
client = Api::Client.new('sqp_8a812b4d610e54d467fb631d6ff39a8ea69c4af6')
  config.cache_classes = true
module Acme
end
  octopus_api_key: "API-WHP5WSQNUTGG62EIQUEFUK0MXH",
end
  config.cache_classes = true
  config.apikey = 'Bkigry9-qPgxaj3SnSkunGV-8j3NTfoCxRNpDJfG'
require 'json'

AzureWebJobsStorage = "DefaultEndpointsProtocol=https;AccountName=wayneassets9yf;AccountKey=bgcwYMbkMDiqaiJvtHDWbAO3tQ0g1ETdzYPk3TbHmYwxBFJuSrjYHvkS9UKxaoDs8xIEwXSEbXc/N032JcfTPg==;EndpointSuffix=core.windows.net"
Rails.application.configure do
end
ENV['XAI_API_KEY'] ||= 'xai-Ow2RVz4EFO1AGh7rY60drBtXVdYo6ENjLD2OaGeCr18myPUYyCk3T01TcL3VmHFr1WTPC0VEBkwQPjbk'
end
  config.log_level = :info
require 'json'
BUILD_ID = "build-20251223-7946b15"
module Acme
end
  config.log_level = :info
