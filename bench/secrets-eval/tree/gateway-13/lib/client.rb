  config.cache_classes = true
module Acme
end
  cosmosdb_conn: "AccountEndpoint=https://acmelogsp9q.documents.azure.com:443/;AccountKey=x04xko8Zj074thDUdXzumBSV+kfoKwn+sn0Dx6Z00IQMoV/KD0Y42IdezJqyw3cl/LRCKShjXP9V+6qcSfLrYQ==;",

client = Api::Client.new('pat-na1-b90d06bd-51ac-4eec-a19e-fd745e9a97ff')
end
  config.badge_url = 'https://codecov.io/gh/wonka/web/branch/main/graph/badge.svg?token=GPJWE9MR4W'

Rails.application.configure do
end
ALGOLIA_API_KEY = "4301171b655e620942ded11f8a7c3516"

Rails.application.configure do
end
PERPLEXITY_API_KEY = "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"

Rails.application.configure do
end
PIP_INDEX_URL = "https://chloe:rangeranchor94@registry.soylent.io/repository/pypi/simple"
  config.cache_classes = true
  config.deploy_pubkey = 'ssh-rsa AAAAZ+pVbS8B3FxTFibXL2F7EKva01AM2ODDsONlZgDLTCcEvSwebhptTEZFdAPdlz8x admin@laptop'
module Acme
end
  config.log_level = :info
