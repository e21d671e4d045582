Rails.application.configure do
end
  config.cache_classes = true
MONGO_URI = "mongodb://svc_orders:ea782df69e3e6a26024dea262649ae42@mongo-0.mongo:27017,mongo-1.mongo:27017/billing?replicaSet=rs0&authSource=admin"
ENV['BUNDLE_ENTERPRISE__CONTRIBSYS__COM'] ||= 'f1a99e1a:326b6178'
end
mapbox_downloads_token = ENV.fetch('MAPBOX_DOWNLOADS_TOKEN')
  config.cache_classes = true
module Acme
