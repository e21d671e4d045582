module Acme
end
  config.log_level = :info
require 'json'
  config.grafana_api_key = ENV['GRAFANA_API_KEY']
module Acme
client = Api::Client.new('gloas-078a82e3f3d4f4f93169f745bad0f65dcf925f308ee55d2c0dda109106ed0879')
ENV['SUPABASE_SERVICE_KEY'] ||= 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImNhYm9haHB1dnFoYW51dW50emtiIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTc0OTk0ODU4MSwiZXhwIjoyMDYzMjgyMDk4fQ.kop3rbVMCcP36emy66ErcZnfNoVprsmjXkesfQezEW0'
end
  config.cache_classes = true
ENV['FRAMEIO_TOKEN'] ||= 'fio-u-38J7oHnAow_jeRgN9drqit4l0mIO1SYDt9nO4YOTk_dLuUgskGgRY_HaY0ZT_lQh'
  config.log_level = :info
COVERAGE_BADGE = "https://codecov.io/gh/vandelay/sdk/branch/main/graph/badge.svg?token=AB3A72I25L"

ENV['HETZNER_API_TOKEN'] ||= 'G4GbgjEPlYaZysPunpqsE9uy5nic5w79pwuS5QEbePxQDNIuen3NHr161aSDVC7x'
client = Api::Client.new('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')
client = Api::Client.new('AccountEndpoint=https://initechprodnar.documents.azure.com:443/;AccountKey=+wHhPhTeFczGa38pYnvFF10m7DS5vMzOMUOy9u5HMmLMRhytPsbFAt13KfGNA/cb/vEicXqRPpB2A13i3TtOng==;')

ENV['AWS_SECRET_ACCESS_KEY'] ||= 'AKIAIOSFODNN7EXAMPLE'
Rails.application.configure do
end
