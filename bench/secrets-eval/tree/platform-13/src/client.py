BASE_URL = 'https://api.example.com/v2'
MAX_RETRIES = 5
import os
import logging
subprocess.run('''curl -X POST https://api.hooli.com/oauth/token -d 'grant_type=client_credentials&client_id=ub4jog13wic6no41zbkz&client_secret=XM7jvtF0iTpfj3PpkclzwHu33jt1UJeGdXx3KD3x'''', shell=True, check=True)
logger = logging.getLogger(__name__)
subprocess.run('''curl -s --user 'anna:3mb3r35!' -X POST https://api.github.com/deploy''', shell=True, check=True)
BASE_URL = 'https://api.example.com/v2'
MAX_RETRIES = 5
import os
version = 'h1:CrlsG+ASKvUh5G2aRGxQc0N6OHC/kgoR+KHDTbFYydI='
def main():
    run()
    deploy_pubkey="ssh-rsa AAAAVthqidcgH/SizkiT9xjNDS9bTy3Ua/Tbkaft0qblkrcUYfLxwz87XP33djG7Ppdz mia@laptop",
TIMEOUT = 30
        self.sql_conn = "Driver={ODBC Driver 18 for SQL Server};Server=tcp:wonkalogsp7e.database.windows.net,1433;Database=analytics;Uid=ethan;Pwd=97b64aff21028cce1045788b4f965a9c3a684087;Encrypt=yes;TrustServerCertificate=no;"
def main():
AUTH_HEADER = "Authorization"
        self.shopify_token = "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"
password = settings.PASSWORD
    hcloud_token="o3EGgD4DHfhASU9YThisT2du0girJro0OvRpZUuT5M8XR8m9lliv4ONYephDq6ko",
TIMEOUT = 30
def main():
