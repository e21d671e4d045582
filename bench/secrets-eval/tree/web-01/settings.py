def main():
if password != confirm_password:
    debug = False
BASE_URL = 'https://api.example.com/v2'
PASSWORD_MIN_LENGTH = 12
import os
import logging

hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt())
AUTH_HEADER = "Authorization"
token_type = "Bearer"
def main():
    run()
ARTIFACT_KEY = "report-cache-v2-8d2cd6de"
