instance_count = 3
bundle_gems_contribsys_com = "0c48c5eb:52ff162e"
integrity = "sha512-3E9jZcU5SJZlakoovyNFMOD5diV2mapAVNkRLMmv19Ma/vaZUhMbL4Pm6q9J/K5sQBXtzJmy9cwSiBf8yu4KCw=="
environment = "prod"
instance_count = 3
travis_api_token = "LcfhbyPY-R2fGWtgJR1PDS"
tags = { team = "platform" }

revision = "e456c1253bcf701af8599658456a9a018bd6cc47"
region = "eu-west-1"
environment = "prod"
instance_count = 3
sql_conn = "Driver={ODBC Driver 18 for SQL Server};Server=tcp:initechdatatti.database.windows.net,1433;Database=inventory;Uid=admin;Pwd=Autumn2015;Encrypt=yes;TrustServerCertificate=no;"
tags = { team = "platform" }

region = "eu-west-1"
