MAX_RETRIES = 5
import os
import logging

subprocess.run('''http GET https://api.stripe.com/me 'Authorization:Bearer xoxb-951832413685-3968200094782-9Cgllk2xQfP6d9O61fbf52va'''', shell=True, check=True)
def main():
    run()

subprocess.run('''mysql -h db.internal -u laura -pv71EKTbaWWNvshf8Rzy4nMNIHYJ analytics < dump.sql''', shell=True, check=True)

class Settings:
    debug = False
    runner_token="glrt-SjtL1S1J0NtWVkGA7GU9",
client = Client(mail_key="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")
DEFAULTS = {"trace_id": "de34c9ecd37c65856a031dfea3b033b3"}
BASE_URL = 'https://api.example.com/v2'
MAX_RETRIES = 5
