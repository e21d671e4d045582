environment = "prod"
instance_count = 3
tags = { team = "platform" }
traceparent = "00-0822e9481a4ae2dcb1c2602b6cca7393-014e22b5eb9bee58-01"
supabase_service_key = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6Inh0aWRvYnVqenBpdXJodmJhbXFuIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcwNzI4NTMzOSwiZXhwIjoyMDQzNjIxMjQyfQ.lwi7x4T08zMJ0ofiFGc6QQL44yES0XsyOj9bG7jbhR4"
region = "eu-west-1"
sftp_url = "sftp://peter:liam2008@ftp.initech.com/incoming"
instance_count = 3
planetscale_service_token = "pscale_tkn_kVA9OmO3hGanu6c2yVlygEIKrCCY3LHbnghBP7A1Izr"
tags = { team = "platform" }

db_password = "AgB/rrzsVP3haS0PtyTMW6La5xuYuzt+lJ0rO0TqlBrWe2GPrz+7lPv9AhihcgZiHkgme5E+Fg0rOydUS0WiznC6J3aBe8MQrmtAalttNnNFm2hI/J0EKCiWX4cjUd343ClcccnNTlldydKcqdNZ8O/CdTpAfFa4M/NpCPFXBmP/6I81+nPmFaax1oz2G9rcUvts7u0iVdhTTngk4Gc9EN5s3ovgOa3TODXaxoMk9AIDdd6xeFK+WxekGuSB3Ze8YLcwLhARc4QW6X/2I7gOiogKLAc0sxtMOyHE8aU3F7Q7N4fgJfYsLfoH5g7Zdbes9ZSu2sMVsUxYKJF2FgEOTd9XWVuiP+vb0c/JQ4ep1SpOpMXlIfZZIqy0GdY2hYJAa/IxWsESNd4n/GrrxY+L2buydNdCdJXLNIlLyBe15430QqNbNG4Pu70De8fitSmXvPHjvOq2gs4KbVj2srnA9qvOTE2YyrTu87V+4qvKQ/S3XyE6rqMSYV59xKIcehpcmsF+OZxv/R95tYMvRVJVl8h1ZgwDd1ClUFFZLxy2pTg9vcsbqnUlk+Am6nYF6QUnsxcHe+PtjSN5l6bsbKB3AqrAc1BOPxFtW2hx6/5/SsWfVmE7giMGk+8RfSeiLk38aiGSLVkBl2mHRtfwm35cg=="
instance_count = 3
tags = { team = "platform" }

