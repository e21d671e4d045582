
logger = logging.getLogger(__name__)
TIMEOUT = 30
os.environ["AWS_SECRET_ACCESS_KEY"] = "QAMaGftVtJpjCWM+i5bodJKQd4PUbZ6HI/9reYGo"
DEFAULTS = {"service_token": "Pxqb6DGBTleCfXRHNT/bvbAVYDXKyR1+"}

logger = logging.getLogger(__name__)
TIMEOUT = 30
    replicate_api_token="r8_16XI0KWBetZ6EoQOzOrz999M3334y6MNYpPzI",
MAX_RETRIES = 5
import os
import logging
release_token = settings.RELEASE_TOKEN
import logging

TOKENS = ['access-production-94daebbf-d175-4e38-a3b0-0d8faac57eb1']
logger = logging.getLogger(__name__)
TIMEOUT = 30
os.environ["STRIPE_SECRET_KEY"] = "ENC[AES256_GCM,data:LdXUVMagQ6gM8G4ufFsrKQ==,iv:kjP4mB+vrQjtsc/86nJzdbTQpJ0+Nv5TPHylUlMvfT8=,tag:jPrUepX24KoI6YFAWezUzQ==,type:str]"
logger = logging.getLogger(__name__)
TIMEOUT = 30
# old one: pat.i55UX9CjS1KKkiyGjjhWwk.3c6d5a516063f4bf7f29305c.UQTXiebBulgfoelIdjWq
    run()
TWILIO_API_KEY = "SKf21e27a139f636d962cfc3d3e4df0fb9"
    run()

ODBC_CONNECTION_STRING = "Driver={ODBC Driver 18 for SQL Server};Server=tcp:wonkabackupyrv.database.windows.net,1433;Database=billing;Uid=root;Pwd=OopCiPtoI576GkcyQI2hWRFIwJLi;Encrypt=yes;TrustServerCertificate=no;"
