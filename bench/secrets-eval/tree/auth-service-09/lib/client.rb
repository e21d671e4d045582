
  datadog_api_key: "ee1ed9dba0b3ef22835c7c3cc30cd6cc",
  config.log_level = :info
require 'json'

stripe_secret_key = ENV.fetch('STRIPE_SECRET_KEY')
  config.log_level = :info
  linear_api_key: "lin_api_vakXSjNLSiitzvhTPftW5rmDpUuAEcgwyP0R96Ba",
ENV['GO_SUM'] ||= '0ec1178a9b1debd7ca81f1d2da7f28a1279c420c2322977bf55455c7b9d4acda'
  config.cache_classes = true
module Acme
end
