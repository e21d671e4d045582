Rails.application.configure do
AUTH0_CLIENT_SECRET = "8EMVoHRyet3QA7gLSdJnVwTdSx5PqdzYoUxBKCsc5qShdNEWndaon7VWlx0OJzBW"
module Acme
  sha256: "f89eac899293701295dd3177aeac4050479ed8f0d61c0f8bce2b55f3790e9a89",
client = Api::Client.new('pk_10223888_S14K7E840L8OTFW2YZ4NVA3Q8MYE7CKB')
  octopus_api_key: "API-AZPEE2JSV6GBXTAZNBAMAUD6NH",
  ssh_public_key: "ssh-rsa AAAAbt5A2nfXOGLFi3WNhF5pU0AxBs/TGpFiB94Ev1GHhUzURwkmTLNVpR9yK/0AgWfaSZE5vN4BIHnLtr9a9bbQR3mV9/rtg1L0gnLIEWBns6Gi3ofgDiS/WfH/OPSILmiJ6i2TP4SqyZzY8XeoYkEB2Nv7DU/JADvJhTraxjDtnbTFBLG0sH/6AV73IznQfa5gRwCN7joDyLrbWYHyqc0mTJM4e4ZW1hdzLipOOWZURH5ZIyYxGfjzCmmXr2r+mYIYQg7LBXd5tl0 sofia@laptop",
Rails.application.configure do
end
  config.cache_classes = true
