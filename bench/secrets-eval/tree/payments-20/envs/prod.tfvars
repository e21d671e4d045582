environment = "prod"
instance_count = 3
tags = { team = "platform" }

oracle_jdbc_url = "jdbc:oracle:thin:sarah/xkwdM2wdzn6jtoS8@orders-db.prod.acme.io:1521/ORCLPDB1"

google_client_id = "G-2VMUIW71ZW"
tags = { team = "platform" }

region = "eu-west-1"
mysql_root_password = "Initech@Winter24"
tags = { team = "platform" }

