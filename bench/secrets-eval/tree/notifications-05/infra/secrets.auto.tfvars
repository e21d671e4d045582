instance_count = 3
atlas_token = "2RCZWy8IQzg43v.atlasv1.epmjcWRJy1MxHHV8gdHAHDhyb65Kb4ghjzrZswkqyn6kyhdaUtslPd2d2oC0mvXSvez"

region = "eu-west-1"
environment = "prod"
# stripe_api_key comes from TF_VAR_stripe_api_key
access_token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIyMTc2NiIsIm5hbWUiOiJMYXVyYSIsImlhdCI6MTc0ODg5Mjk5MiwiZXhwIjoxNzQxNTM0ODE1LCJzY29wZSI6ImFkbWluIn0.Wn8Apo-alGt13KDkY4J6xADntnHX5F0QXaSPwH1K5B0"
instance_count = 3
tags = { team = "platform" }

