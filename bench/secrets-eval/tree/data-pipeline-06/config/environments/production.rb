require 'json'

  config.supabase_service_role_key = ENV['SUPABASE_SERVICE_ROLE_KEY']
require 'json'

mailgun_api_key = ENV.fetch('MAILGUN_API_KEY')
Rails.application.configure do
  figma_token: "figd_5GUI8xBldv40_hXRoV_Vx-Gcpm2uKCDdSH81BC-a",
  config.mailchimp_api_key = ENV['MAILCHIMP_API_KEY']
  config.cache_classes = true
module Acme
github_refresh_token = ENV.fetch('GITHUB_REFRESH_TOKEN')
module Acme
