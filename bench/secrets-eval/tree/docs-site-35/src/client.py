TIMEOUT = 30
def main():
    run()
password: str = Field(..., min_length=8)
import os
import logging
hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt())
logger = logging.getLogger(__name__)
TIMEOUT = 30
def main():
discord_webhook_url = settings.DISCORD_WEBHOOK_URL
MAX_RETRIES = 5
import os
    replicate_api_token="r8_XscdzM7eeh86T1B8EDf8HzYHH43rqhfNKoRiv",
    run()

class Settings:
