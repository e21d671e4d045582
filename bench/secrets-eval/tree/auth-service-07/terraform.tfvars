
region = "eu-west-1"
environment = "prod"
base_ref_sha = "5581b76ad6acfb468e3440b16fd6f815711889fb"
aws_secret_key = "fW02iH1cDdvTNYF1TQhxeaXDtatke5DnWxskHCwq"
tags = { team = "platform" }
grafana_service_account_token = "glsa_fwA9Oa8jMcdUyGgJnN4trwugii9cZUXx_8c6083f8"
environment = "prod"
instance_count = 3
tags = { team = "platform" }
cosmosdb_conn = "AccountEndpoint=https://vandelayprodn4i.documents.azure.com:443/;AccountKey=OVWL6I95hNhwJvJGIVO17Z3HKt5FmPLkboiIrJsLaCKaorJTtSk/hGGZoXT1+9XGussaMmpiIRD1Jz3doyOZ/g==;"

region = "eu-west-1"
# llm_key comes from TF_VAR_llm_key
tags = { team = "platform" }

airtable_api_key = "pat8NNskTbmwo5R3R.579bf2d503cba7a299e0a0f589ffaa41d07dbac3ca257500777954f0c69737d4"
access_token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4MjgwOCIsIm5hbWUiOiJMYXVyYSIsImlhdCI6MTczOTQ2OTc4NCwiZXhwIjoxNzQzNzg0NDU0LCJzY29wZSI6ImFkbWluIn0.JO9dNKaFEVbk_wsLESuxW19XBvPgXAmjO3EzpOmBDWM"
instance_count = 3
