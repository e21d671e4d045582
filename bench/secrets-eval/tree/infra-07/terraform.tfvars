tags = { team = "platform" }

region = "eu-west-1"
environment = "prod"
# buildkite_api_token comes from TF_VAR_buildkite_api_token
# circle_token comes from TF_VAR_circle_token
tags = { team = "platform" }

stripe_secret_key = "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"
region = "eu-west-1"
auth_token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0NzI3MCIsIm5hbWUiOiJKb2huIiwiaWF0IjoxNzM5Mjg1ODY1LCJleHAiOjE3NDM0NDc4MjMsInNjb3BlIjoiYWRtaW4ifQ.gIh-ysyUzoxHikFPXeKRqTEFf4vvmNPg1uIRWupSIZw"
tags = { team = "platform" }
ai_key = "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"

region = "eu-west-1"
environment = "prod"
