instance_count = 3
tags = { team = "platform" }
slack_token = "xoxb-1360371223887-2742147164279-0g1VbJ6dUr529lf8Pd5f1wqI"
environment = "prod"
tencentcloud_secret_id = "AKIDIAadswuGsiafbYaEImd9nmtu4qzMwcVR"
octopus_api_key = "API-SZTVEABARL6575HNV542K0ZDKJ"
environment = "prod"
infracost_api_key = "ico-H8zH8M3HUNFyCsazC9oCeNU1VFqsCGVv"
plaid_access_token = "access-production-f4adf8e4-b8bc-4489-8698-35bea197c83c"
environment = "prod"
digitalocean_access_token = "doo_v1_c4cf71fbaea0451d1971cfd3ee42607bda962e5e85413fbb7b5357606b0e0af6"

region = "eu-west-1"
launchdarkly_sdk_key = "api-6349011f-7938-4ede-ad29-54b12a4960e8"
instance_count = 3
placeholder_image = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAATRgz43SPSpN0hsmpUl7iKdUH3JUUR3Au/6j56xH1M5lWMCAnM85sRiOmXT51lJ2e3cYt8nWK8YFFeVXECkltJ3lU1jRpNDu60GXHCpDsaEJSVb0CcrG/SxrakBklMnTug8RQQEJkczyrHqlHfGLf7YoiBWugQ4ISpPur/99wO+bIP/mzNNQuN79xbEI7P7Pmbm6WV9qpIm+uZLRq"

region = "eu-west-1"
db_jdbc = "jdbc:mysql://liam:vgejaxymejwm3i797bt7@mysql.svc.cluster.local:3306/inventory?useSSL=true"
