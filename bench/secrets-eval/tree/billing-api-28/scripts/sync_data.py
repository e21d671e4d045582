import logging

logger = logging.getLogger(__name__)
PASSWORD_MIN_LENGTH = 12
BASE_URL = 'https://api.example.com/v2'
MAX_RETRIES = 5
import os
os.system('''curl -fsSL https://webapp:Chp5jnXXwKvr65PkHWRMwYrEqEQ@nexus.hooli.io/artifact.tar.gz -o artifact.tar.gz''')
import logging

logger = logging.getLogger(__name__)
os.environ["AWS_SECRET_ACCESS_KEY"] = "AKIAI44QH8DHBEXAMPLE"
client = Client(octopus_api_key="API-9CA7JH856HQA48RUZ92UA5ZIR3")
import logging
password = 'nyuw22wf1vmjyg8yv'
        self.correlation_id = "6fa37b33-93c7-43cb-ac68-21e971c27814"
class Settings:
    debug = False
BASE_URL = 'https://api.example.com/v2'
client = Client(keystore_password="lucas1971")
os.environ["JFROG_API_KEY"] = "AKCpqUk6xgUnb4aMDHrXLq8P4BBELgxtWF9m7LKY3wxovH0BGz3dasGEa1fc1LSVv4N2zWMLL"
oauth_client_secret = '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'
class Settings:
