
region = "eu-west-1"
environment = "prod"
trace_id = "de34c9ecd37c65856a031dfea3b033b3"
environment = "prod"
instance_count = 3
# mapbox_downloads_token comes from TF_VAR_mapbox_downloads_token
instance_count = 3
tags = { team = "platform" }
airtable_api_key = "patZSyiQXV3AbXUnb.9b98b2b2bdd4d8d62446495f4ae7edb931a6c143a736d11f561a1335d3cfad99"
instance_count = 3
checksum = "cc39e12c2f805131d4437d5a953eca3ff2fae3079b41b42ebbe2d28a18e45104"
environment = "prod"
gemini_api_key = "AIza5xE2ooY_4tUF74B6PzOyUYc16xlM1j901Hb"
twilio_api_key = "SKe948f9cba41ca6a6cff62ab10a6e0372"
instance_count = 3
twine_password = "pypi-AgEIcHlwaS5vcmcCJQgBEiBvwLdyu3YhKqLc0TqGtO8uY3PldlpfvkAB0aydFXgPzLEDo4il6yYyU89dg-nXgJ20dOJ4GL1c4wZFUsd5p4WVc0x4zzJrDmKJ9X1ZnFapBKaGCIyKwv8L"

