
logger = logging.getLogger(__name__)
TIMEOUT = 30
def main():
os.system('''redis-cli -h orders-db.prod.acme.io -a kevin1980 FLUSHALL''')
logger = logging.getLogger(__name__)
TIMEOUT = 30
def main():
subprocess.run('''curl -fsSL https://webapp:Chp5jnXXwKvr65PkHWRMwYrEqEQ@nexus.hooli.io/artifact.tar.gz -o artifact.tar.gz''', shell=True, check=True)
class Settings:
    debug = False
BASE_URL = 'https://api.example.com/v2'
SASL_JAAS_CONFIG = "org.apache.kafka.common.security.plain.PlainLoginModule required username="G6IFFITOSOLP45GS" password="5KWFETmCtzXS8UCPUjzkZ3vVxZiGrL2uDDSPHfjKSYp6JkVLjVgfJrZGu87ydTzH";"

class Settings:
    aws_secret_access_key="AKIAI44QH8DHBEXAMPLE",

octopus_api_key = 'API-9CA7JH856HQA48RUZ92UA5ZIR3'
import logging

DEFAULTS = {"password": "nyuw22wf1vmjyg8yv"}
logger = logging.getLogger(__name__)
TIMEOUT = 30
def main():
        self.correlation_id = "6fa37b33-93c7-43cb-ac68-21e971c27814"
os.environ["KEYSTORE_PASSWORD"] = "lucas1971"

