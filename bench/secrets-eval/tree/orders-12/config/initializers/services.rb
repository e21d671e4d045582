  config.log_level = :info
require 'json'

Rails.application.configure do
  grafana_cloud_token: "glc_eyJvIjoiNjU1NTkzIiwibiI6InN0YWNrLW9zaGZvZyIsImsiOiJQMXh4Vmg0cXJqZms0S2VVcmlyR3g4d1oiLCJtIjp7InIiOiJwcm9kLXVzLWVhc3QtMCJ9fQ",
Rails.application.configure do
end
ENV['GRAFANA_API_KEY'] ||= 'glsa_Df1ZTw0rGqaPc4lZimiNWP9ZbhG53oPg_4c540c87'
ENV['INTEGRITY'] ||= 'sha512-Tpw6rlNsAqlnxgwEnoEHdWpQtE0bc5sVj6dlyCw2YY1mAbEB/cA4pN2aP5DJ0NVpeBlk9EBFJshN14XPXC/I6Q=='
CHUNK = "run-6619659229-7"
  ci_server_token: "glrt-nBoZaqFANIdN9TBv4pMC",
require 'json'
CRATES_IO_TOKEN = "cioEwsr41bGdHp3ZRqdkBZPN0hzvMeZgz7x"
end
  config.log_level = :info
  config.oracle_jdbc_url = 'jdbc:oracle:thin:ci-bot/1atFn0Tfd1fkkZZIEcfGW05BygrMRzIJL0T9MqQySDU@db01.corp.lan:1521/ORCLPDB1'
  config.mongodb_url = 'mongodb://mia:57bdfcfffcfc53cb55f84fec6c16eca88b1b1d2393f1b238423d3d87b18c8e19@mongo-0.mongo:27017,mongo-1.mongo:27017/billing?replicaSet=rs0&authSource=admin'
end
  config.log_level = :info
require 'json'
client = Api::Client.new('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')
  config.log_level = :info
require 'json'
