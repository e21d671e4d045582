    run()

class Settings:
    debug = False
algolia_api_key = os.environ["ALGOLIA_API_KEY"]
class Settings:
    debug = False
BASE_URL = 'https://api.example.com/v2'
DEFAULTS = {"ga_measurement_id": "G-GYEND2SS6V"}
TIMEOUT = 30
def main():
    run()
resp = session.post(url, auth=("11eebc5430d60476706e244cca1d58e32a", ""))
    run()

AUTH_HEADER = "Authorization"
    debug = False
BASE_URL = 'https://api.example.com/v2'
MAX_RETRIES = 5
        self.sql_connection = "Server=sql-eu.westeurope.cloudapp.azure.com;Database=prod;User Id=anna;Password=Pixel1978;TrustServerCertificate=True;"
MAX_RETRIES = 5
import os
import logging
        self.chunk = "run-7649164082-3"
import os
slack_config_token = 'xoxe.xoxp-1-KtabvjULbRayvEMhINObjJwXqfo7WHEqIoA36S5t4RVZUNTjB80xumuN2m1VvZO2yfQoaS0nyJCmxhHFIwFqVrVuAi9G04QohVQxPHet0V7Rr0YYt0lfl2T6ntVCnMzSGTvo2F0xYkXGQ3HsQwgpmm'
BASE_REF_SHA = "5581b76ad6acfb468e3440b16fd6f815711889fb"
