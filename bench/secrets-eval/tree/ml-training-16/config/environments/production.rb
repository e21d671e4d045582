end
  config.vercel_token = 'vEbr35PIUjVM1Z9L8bzm359l'
require 'json'
DISCORD_TOKEN = "Mzk4MTkyMzM5MTc0OTg2MTY1Mg.HA_d-z.DVc-9neNY3OhhCMafAULceFwmjn9nYAzbzkn_f"
end
  config.log_level = :info
  db_jdbc: "jdbc:mysql://webapp:YIPYWO4NsrOF0lPjy9ffGCe@pg-prod.cluster-c9x2.eu-west-1.rds.amazonaws.com:3306/inventory?useSSL=true",
  dd_api_key: "0489f22f84c492ac70e0a50ba509cbee",

Rails.application.configure do
  figma_token: "figd_o2OJA-eLFOXU5ENvXmVfgpQfUbdFCTu65gGLV15N",

Rails.application.configure do
end
  access_key: "9cc39d62da5e4810fd221414377d0d225ace4e95",
end
HARNESS_API_KEY = "pat.FYwCzAgM_3X48WLTJ3D76Y.2e4a40421add270e46261b0c.AXx2cFVKXYBUZjp9nhje"
require 'json'

