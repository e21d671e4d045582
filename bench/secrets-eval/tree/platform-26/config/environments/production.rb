end
FLW_SECRET_KEY = "FLWSECK-c6c2599def71fc3ccf885ec1e552c144-X"

  config.token = 'AgBouzyVIdgXrZ1oZQnjhdXp7VQoB7sqlDW4DZ7q1NfLDk/1vviN6EKgJdYY4WCMMHanLE5KdW4T0VqrSjJeei7NcXg4Bfy5hxRXsKUbG87AMbzhztl9WJRUk4NprHj9mt863s6KJDxcNO/hZY+xlJdWfIA+LdJYExjt3zrOR9NUivuBk0Fyf2iS2H2qQg/qShoDS+Vme+NqC7eGmUP/zXlOMYmfhtYmwfUYCPLREYeXQgrousDlbi0pABBC+/+rS6XlJ7nXf1QydljRVYOOxWjHDtTA7/+HuBrDnokelggD3O3xYh4XvQV6+zIq7RYHAvWVbv1ihqLONdvbhvSyM/cyEUulkWV4PeFnigBt4t3wadHOVu8psE2PYkhkvtrcsAAcUez0rBNawWTnrkUOoO6qpsSjWtH2Y/Y4lJViCS/2v4hT70sgqW2p491XNUlLxYnCr8Xqe5IUDl8So9e5TWJyQdTWX0dam34qlOmmMYhc3WbdRLgXAHjaJ2PucPJk+MVwqiTcdo48kWEuuJDAbeNcyO5YTX0psCbq68gcXpxK1Tmc6KRI7ehS32xSLqdK2GkmQ/ssHg1JM2OijF1GcMkPtPk1+xhwTGFBdH/wru/tBugyUMzSoK3/8r2hZmES40XHIllkACLdgS+j983yS9Ifsn7LsQdcQIOYkta1zXAOQ=='
GDRIVE_REFRESH_TOKEN = "1//03Sv5kiataPFhTgEGGWIih40HGFfS7hekMHSHeCo2pFNfnVtgVNY97HxAHhr5qjSHysa5GuqxciaQvirjAKKnBqdL2i55XeORQFhrH"
  config.log_level = :info
require 'json'

gl_token = ENV.fetch('GL_TOKEN')
module Acme
end
client = Api::Client.new('CFPAT-2IAV2ugSb_DpddJpVgBO9Z3RNLvbH5bKKYsagfsLiHw')
Rails.application.configure do
end
  config.cache_classes = true
  config.codecov_token = '1101d44d-3e43-49b4-b160-99b6f35520cf'
  config.llm_api_key = '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'
Rails.application.configure do
end
  config.cache_classes = true
AZURE_SQL_CONNECTIONSTRING = "Server=tcp:starkassets7ep.database.windows.net,1433;Initial Catalog=prod;Persist Security Info=False;User ID=laura;Password=ethan2009;MultipleActiveResultSets=False;Encrypt=True;"
end
  config.cache_classes = true
module Acme
client = Api::Client.new('jdbc:postgresql://mysql.svc.cluster.local:5432/app?user=ethan&password=90e930758bd116969c4f5e9a7064eaaf1e7468af3b25d4df10c68d433bd39f53')
  config.log_level = :info
