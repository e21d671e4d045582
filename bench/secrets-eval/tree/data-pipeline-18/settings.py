class Settings:
linode_api_token = os.getenv("LINODE_API_TOKEN")
logger = logging.getLogger(__name__)
TIMEOUT = 30
os.system('''http GET https://registry.npmjs.org/me 'Authorization:Bearer xoxb-924429298094-7218332666156-bCzFAMWNvXtK61s8MhMqxBKw'''')
class Settings:
    ldap_bind_password="cobalt-piano-summer-planet",
logger = logging.getLogger(__name__)
TIMEOUT = 30
def main():
conn_str = 'DRIVER={PostgreSQL Unicode};SERVER=sql-eu.westeurope.cloudapp.azure.com;DATABASE=orders;UID=analytics;PWD=indoLK-1JBdy8-1TV2Dq'
        self.secret_key = "ro&yfuy^ny6!sx&fu^&9f4uwt7p(&=1gpro+)lv1wm+!80nn%v"
mail_pass = os.environ.get("MAIL_PASS", "")
def main():
    run()
        self.mistral_api_key = "VfWhEf0M8AYPh16fibkwB4VguxVy0807"
class Settings:
    debug = False
DISCORD_BOT_TOKEN = "Mjk0MzgzOTI4OTAwMjk2MTUzNA.xKlpIN.C4-LPepl-ZQHXyd26FbDGnqe-I4Z8n1qGQLxwC"

class Settings:
django_secret_key = '&(!3t1-gmwdr#r!(%k_(h_tg5g4ff3kc9kjxfg5&4(*b(0cg_c'
