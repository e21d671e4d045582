  config.log_level = :info
require 'json'

  config.x_api_key = 'e59fce93aa22ac397dcfd9e26f82095dbb388ab6'
Rails.application.configure do
mapbox_secret_token = ENV.fetch('MAPBOX_SECRET_TOKEN')
  badge_url: "https://codecov.io/gh/acme/api/branch/main/graph/badge.svg?token=1RC1GU8LIY",

Rails.application.configure do
client = Api::Client.new('bkua_3961653a3a4c9e5671604d067f19644d07a5505e')
module Acme
end
client = Api::Client.new('pk_79951711_22S02U3VN00Z5F08DAZJGFDE0TMB6PLN')
  config.ga_measurement_id = 'UA-68027146-7'
DB_URL = "postgresql+psycopg://emma:lwsvw.s0yq4U60@postgres/prod"
module Acme
end
  config.log_level = :info
  config.django_secret_key = ENV['DJANGO_SECRET_KEY']
