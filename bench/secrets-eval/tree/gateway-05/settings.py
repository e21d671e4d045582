    debug = False
BASE_URL = 'https://api.example.com/v2'
MAX_RETRIES = 5
password = getpass.getpass("Password: ")
logger = logging.getLogger(__name__)
TIMEOUT = 30
def main():
    partner_api_key="EwkQ8RdsiPzoZUIa5NblL/aw5TvR4dsQ",
def main():
    run()
DEFAULTS = {"pypi_api_token": "pypi-AgEIcHlwaS5vcmcCJQgBEiAuimL61XeupexoZtos49bdClgihPGNpgewe7gikOvpFoTttncFh04krjpgC1WX5TVyeEbL2oTAheBE0kcV"}
BASE_URL = 'https://api.example.com/v2'
os.system('''http GET https://gitlab.com/api/v4/me 'Authorization:Bearer glpat-r4TaBGpe6dEoKfT-s0bu'''')
import os
client = Client(buildkite_api_token="bkua_d7d1a6f811097721ac57a46ae0cc1b7c17083183")
os.environ["EMAIL_URL"] = "smtp://liam%40wonka.com:mangoguitar46@smtp.gmail.com:587"
