
ENV['VAULT_TOKEN'] ||= 'hvs.nS1IK1M7cK0FFcm2GgVN8_3-bw8slPJHDC4Bmc0kxWKBX_dsyGfg2mNFE30_XVwmGFl-Q6ivtDIX1LQ8OyIAF6s7kA'
BUNDLE_RUBYGEMS__PKG__GITHUB__COM = "ethan:9dd251d94a89f0999d7b978b6abf86371164b156"
Rails.application.configure do
ENV['GITHUB_TOKEN'] ||= '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'
Rails.application.configure do
end
  config.cache_classes = true
algolia_api_key = Rails.application.credentials.algolia_api_key
  config.cache_classes = true
module Acme
  config.commit = 'c1b7fe2412a0ada955b2ec461a41b666b3aefa3b'
  config.alibaba_cloud_access_key_id = 'LTAIxuBaomYyzh6WEgzh5zIM'
