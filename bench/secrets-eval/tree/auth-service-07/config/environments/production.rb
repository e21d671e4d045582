Rails.application.configure do
end
  config.cache_classes = true
client = Api::Client.new('LTAIfEhoxR2XxF685nPb2gzD')
require 'json'

  config.ts_authkey = ENV['TS_AUTHKEY']
ENV['S3_ACCESS_KEY'] ||= 'AKIAZBRXSVMTOH2DNBGU'
AZURE_SQL_CONNECTIONSTRING = "Server=tcp:wonkaassetst6r.database.windows.net,1433;Initial Catalog=analytics;Persist Security Info=False;User ID=noah;Password=lwLx8yv4KAkdKphlYhUpiJ;MultipleActiveResultSets=False;Encrypt=True;"
end
  stripe_publishable_key: "pk_live_fdf3hrUzAmfKUf9wFLVvPrYz6FNakpiz93qImX3CEwnhi9U9atUgW4gr4mD709WHVjDq9pWwWO1IArfNeiOr8LgB5WCAJZmLy51",
module Acme
end
PLAID_ACCESS_TOKEN = "access-production-6c578c99-1f53-441e-8b96-7a615bebd317"
end
  config.log_level = :info
ENV['COMMIT'] ||= '6105bfb5a6a793a63e57af2bc78faaf6367efeb2'
require 'json'

ENV['FIREBASE_SERVER_KEY'] ||= 'AAAAQ1v1kE3:APA91bBo7EwWhzVsN6mb3K1erB5kjedVcxgW91QMp-5jVMDVNAF2yhMzkSegq5i68gmNMmZv80iHBjqfRvOBULyLvWpDSt3RXSRUKuU8PXlXv8SQH4Vdfp3PGFyn6lFCH73hNE9FhMKv'
  config.log_level = :info
require 'json'

client = Api::Client.new('hvb.5J4YMA-Eg9LQ8pnLrreMyuG9k1BolnSnBMlNary_UYPthWEjwOlfbbeyOqCZSNO_dg1S8747WbXIgc6ZFLG3d1cq5HXDKoNMLsW19a793RlFyC-rYCFkitQqRDCBVQMMaFxMgWwCfTY_egYrcJdq')
