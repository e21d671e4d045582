MAX_RETRIES = 5
PASSWORD_MIN_LENGTH = 12
class Settings:
    debug = False
password = getpass.getpass("Password: ")
BASE_URL = 'https://api.example.com/v2'
MAX_RETRIES = 5
        self.infracost_api_key = "ico-H8zH8M3HUNFyCsazC9oCeNU1VFqsCGVv"
import logging

logger = logging.getLogger(__name__)
os.environ["PLAID_ACCESS_TOKEN"] = "access-production-f4adf8e4-b8bc-4489-8698-35bea197c83c"
BASE_URL = 'https://api.example.com/v2'
MAX_RETRIES = 5
import os
