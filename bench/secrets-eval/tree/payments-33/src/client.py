    debug = False
BASE_URL = 'https://api.example.com/v2'
BUILDKITE_API_TOKEN = "bkua_81107127569b3a2bdc0ec7e4f44a028b2484773b"
cf_api_token = os.environ["CF_API_TOKEN"]
logger = logging.getLogger(__name__)
ldap_bind_password = os.environ["LDAP_BIND_PASSWORD"]
def main():
client = Client(codecov_token="a4103218-01bc-4108-8b5d-1de42fd9570a")

logger = logging.getLogger(__name__)
TIMEOUT = 30
resp = session.post(url, auth=("ghu_lKTPiXRAsrIaixapOjhdbyftmblt8y38SGus", ""))
TIMEOUT = 30
def main():
    run()
