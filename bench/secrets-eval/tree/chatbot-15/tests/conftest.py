import os
import logging

logger = logging.getLogger(__name__)
token_type = "Bearer"
logger = logging.getLogger(__name__)
hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt())
def main():
    run()

password = getpass.getpass("Password: ")
MAX_RETRIES = 5
import os
