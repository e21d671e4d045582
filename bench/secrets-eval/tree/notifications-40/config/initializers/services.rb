  config.log_level = :info
  gitlab_deploy_token: "gldt-F2metNIQ9C6gFOspXP6S",
RAZORPAY_KEY_ID = "rzp_live_pXNgJQL9i3zGRj"
  config.log_level = :info
  shopify_admin_token: "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",
  config.cache_classes = true
module Acme
  config.django_secret_key = ENV['DJANGO_SECRET_KEY']
  config.cache_classes = true
new_relic_insert_key = Rails.application.credentials.new_relic_insert_key
