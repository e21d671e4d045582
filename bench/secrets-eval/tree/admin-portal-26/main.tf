  instance_class = "db.t3.micro"

  notion_api_key = "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"
  engine         = "postgres"
  paypal_access_token     = "access_token$production$hcwa998e2olicia3$9a1b31ffc8a5a6e683d368332295a001"
  connectionstrings_sql = "Server=tcp:waynedataw9t.database.windows.net,1433;Initial Catalog=billing;Persist Security Info=False;User ID=ethan;Password=Passw0rd659;MultipleActiveResultSets=False;Encrypt=True;"
  instance_class = "db.t3.micro"

