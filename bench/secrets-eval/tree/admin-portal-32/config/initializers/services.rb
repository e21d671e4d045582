end
  config.log_level = :info
  passwd: "{{ .Values.apiKey }}",
  config.log_level = :info
require 'json'
client = Api::Client.new('postgresql+psycopg2://laura:Autumn1973@db.internal/orders')
  config.dockerhub_token = ENV['DOCKERHUB_TOKEN']
  config.dockerhub_token = 'dckr_pat_U4ZDvO5HORXTSz91aNzQ98RWgjW'
  config.x_bearer_token = ENV['X_BEARER_TOKEN']
end
  config.log_level = :info
  config.database_password = 'pscale_pw_SpmEVrxELvjzEBfYacno_iRryDpQQpukzmB6E1lEViL'
end
  config.log_level = :info
