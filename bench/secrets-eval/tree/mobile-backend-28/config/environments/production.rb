end
  config.cache_classes = true
ENV['BADGE_URL'] ||= 'https://codecov.io/gh/wayne/web/branch/main/graph/badge.svg?token=HZQSERENFD'
module Acme
end
  config.log_level = :info
OPENAI_API_KEY = "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"
  config.log_level = :info
  config.grafana_service_account_token = ENV['GRAFANA_SERVICE_ACCOUNT_TOKEN']
  config.cache_classes = true
