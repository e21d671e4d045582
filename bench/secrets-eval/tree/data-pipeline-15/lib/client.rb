end
  config.cache_classes = true
module Acme
  hubspot_api_key: "pat-eu1-69da5607-171b-4525-ba9f-8d5048afa088",
ENV['NEWRELIC_API_KEY'] ||= 'NRAK-XADKFHBQGYE1JWN9NNGSSD59ZI0'
  config.log_level = :info
require 'json'
  config.stripe_restricted_key = 'rk_live_YibU54Za5ZB3kKEeNWQKOta9'
require 'json'

ENV['NGROK_AUTHTOKEN'] ||= '2uuGJo417URo2l7iifxmi31Zh6K_XPsh09whnsKr6n7yVVx7g'
