  config.log_level = :info
require 'json'

Rails.application.configure do
SNYK_TOKEN = "6c4cf133-4bc9-4516-85f9-3b403ee40721"
Rails.application.configure do
end
DB_DSN = "ethan:-DDDVyk1rkuz-iylA@tcp(orders-db.prod.acme.io:3306)/analytics?parseTime=true"
Rails.application.configure do
end
  sentry_auth_token: "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",
  config.cache_classes = true
ENV['SLACK_CONFIG_TOKEN'] ||= 'xoxe.xoxp-1-80lsDZ9I3Ivv2hPGhApa6XfZBipsSck1cxouw7rPMz7bgEZjXADewOtyYvQFFODZMq7NzWw34OJnblAAHA79b7Ty9i3yjDLww62biMvcUOmOuvYh2KDSec3QoBCDoNruofb4y3SSojtuOVXTQGnmxD'
  jdbc_url: "jdbc:mysql://admin:zI2eBKZsNZNebWKAqAJ4Gtg5@db01.corp.lan:3306/orders?useSSL=true",
end
  revision: "eb1623608edfa6642e1a5171ceb2a8aa55f6a2c7",
  config.log_level = :info
require 'json'
client = Api::Client.new('ops_eyJzaWduSW5BZGRyZXNzIjoibXkuMXBhc3N3b3JkLmNvbSIsInVzZXJBdXRoIjp7Im1ldGhvZCI6IlNSUGctNDA5NiIsImFsZyI6IlBCRVMyZy1IUzI1NiIsIml0ZXJhdGlvbnMiOjY1MDAwMCwic2FsdCI6IlJFSUdIbzFHVzBrZU11U2dWU1ViT2cifSwiZW1haWwiOiJwd3JybWdrZWNudTZnb3oxcWZsN3F6ZTJvb0AxcGFzc3dvcmRzZXJ2aWNlYWNjb3VudHMuY29tIiwic3JwWCI6IjIxZDdkZWQ3MGNjYWM0MzE0NTI2OTE4ZjRlODE5ZTQ5ZmIwYmNhNWM5MjdkNGRiOTZlYTMyYmNiYThhNDg2YzMiLCJtdWsiOnsiYWxnIjoiQTI1NkdDTSIsImV4dCI6dHJ1ZSwiayI6IjE1dGotUDlPQ25yaHZ6Q1RPTllFNFUzSGRUSmZtMXgta0ItcWVhNVBNMDAiLCJrZXlfb3BzIjpbImVuY3J5cHQiLCJkZWNyeXB0Il0sImt0eSI6Im9jdCIsImtpZCI6Im1wIn0sInNlY3JldEtleSI6IkEzLUgyRVk2Ui1OSkJMVzMiLCJkZXZpY2VVdWlkIjoiMnhwODQ5MWtrZnhqdnhqbXRiYTc2Mm53b3MifQ')
require 'json'

  config.role_arn = 'arn:aws:s3:::hooli-logs'

Rails.application.configure do
end
BASE_REF_SHA = "34e53ab495f7127a14a2c973833d04c66ed35572"
