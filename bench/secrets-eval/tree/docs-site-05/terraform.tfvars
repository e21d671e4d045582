
region = "eu-west-1"
environment = "prod"
ngrok_authtoken = "2s3kPcLnUT5gNqeUHvDzcjCRyCj_NxqZ1NA4NIq8U3KCTQgK2"
razorpay_key_id = "rzp_live_6XWTG1SV5jMQX9"
instance_count = 3
sops_age_key = "AGE-SECRET-KEY-1SMDYQ63RE6MACQTDG0F0CJQ275JUTTMZL895RCTRC7GEQS50TQ2F4UQRLU"
environment = "prod"
subscription_id = "37cc2c8c-d565-4518-81e7-9e793e54e5f6"
auth0_client_secret = "Pg48JIRbOT6yL80YEs626C0dq7xee23LGMSVvx9SfS4jkXUEwbNVBd1oiCmpgqHA"
instance_count = 3
tags = { team = "platform" }
supabase_service_role_key = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImF6cm90dmV2cXNieWVrd3B0d2drIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTczNDY2OTA0NiwiZXhwIjoyMDQwMDA0OTkwfQ.55N-4L8MOzCCKiCsw3kEyKZjaN4c5tcR5m2FxQYOqjI"
instance_count = 3
tags = { team = "platform" }
buildkite_api_token = "bkua_1cfe62ad0d7680b74a6da1720b00c918dee30f4a"
tags = { team = "platform" }
# hf_token comes from TF_VAR_hf_token
instance_count = 3
tags = { team = "platform" }
ftp_url = "ftp://reporting:peppercopper2070@files.umbrella.com/incoming"
tags = { team = "platform" }
