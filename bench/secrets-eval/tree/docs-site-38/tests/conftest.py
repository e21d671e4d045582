def main():
    run()

class Settings:
os.system('''curl -H "Authorization: Bearer xoxb-586950242882-9652980859575-NzqNqijEHfZDszsIYqL329Hc" https://registry.npmjs.org/user''')
MAX_RETRIES = 5
client = Client(passwd="nebula-thunder-ember")
DEFAULTS = {"okta_api_token": "006iCtPEEFA7uPNE_ukU_40wAmrrNHedvYjhO2M37u"}
    run()
        self.mailgun_api_key = "key-0cc7fbcbe001573af22c48bcff273fa3"
logger = logging.getLogger(__name__)
TIMEOUT = 30
