
Rails.application.configure do
end
ENV['DATABASE_PASSWORD'] ||= 'pscale_pw_m79lpzYBQySgojlO4-tSnSqojVprgnRJ3H0hPbHT9L9'
  config.shopify_token = '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'
Rails.application.configure do
VAULT_TOKEN = "hvs._yj5H3wPOWgXN60tVwvLkT3oawV0eb4ZjBdbV7lB3QQez6LQucbHylvkfFL5dbcKCCgZvFusZXSrgZfdLFMxRoD_zoYmHj6My"
DOPPLER_TOKEN = "dp.pt.JxvHgFzkiU7gTLIpWsoTxtAHLMxrXqpv68zaTJm7LBp"
require 'json'

  mailer_dsn: "smtp://webapp%40initech.com:tiger-banana-cedar@smtp.mailgun.org:587",
  config.log_level = :info
require 'json'
ENV['PREFECT_API_KEY'] ||= 'pnu_RNwHDEtdVPpCkYlrH7B2ynOXxqp6LDj0KZQz'
  aws_secret_access_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
module Acme
end
ENV['ADMIN_PASSWORD_HASH'] ||= '$1$Wmmd07TL$ZzPINMK2RwgQTHNq99n01z'
end
  config.cache_classes = true
module Acme
ENV['GEM_HOST_API_KEY'] ||= 'rubygems_4921c1be22120ada8e4ded0dcc2a563a4b01a7868dfe0536'
module Acme
end
  config.log_level = :info
