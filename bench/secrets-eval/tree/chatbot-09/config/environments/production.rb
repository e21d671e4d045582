end
  config.aad_secret = 'OfT0Q~_ZF2iS56eaq8A68do1XYuX1BRSuCtO_j~G'
end
  config.log_level = :info
  config.cf_api_key = '4dfe2b04dd6e5bfba51aa0651328b7388e858'
end
ENV['DATABRICKS_TOKEN'] ||= 'dapia041651693eb1f31618bf89ed993179f'
Rails.application.configure do
end
  config.cache_classes = true
