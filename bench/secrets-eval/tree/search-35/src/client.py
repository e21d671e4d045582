
logger = logging.getLogger(__name__)
subprocess.run('''curl -X POST https://api.hooli.com/oauth/token -d 'grant_type=client_credentials&client_id=ub4jog13wic6no41zbkz&client_secret=XM7jvtF0iTpfj3PpkclzwHu33jt1UJeGdXx3KD3x'''', shell=True, check=True)
        self.zendesk_api_token = "mPH5s3T1A9E7Rcsm27s5htmUFQUhaRO3LK5xGxXp"
DEFAULTS = {"proxy_url": "https://david:i0NJ7H-JhzsL8-zi1iYG@api.wonka.io/repository/pypi/simple"}
def main():
    run()
        self.oracle_jdbc_url = "jdbc:oracle:thin:anna/17f7b955819d84eeccd7a769d3b870ce72cc360f@postgres:1521/ORCLPDB1"
TIMEOUT = 30
    telegram_bot_token="2818642626:AAMOMLcvNI41Ag4firgcHHvRrJWz43eOz4D",
def main():
        self.integrity = "sha512-6FNaaLGfRs7Q3vg/kVRjVnK0asbJReup7wsTl/YEgZYXUMQShDN7b2oKuDngfx8uweTdBLQsl8lhK3CixKbHlQ=="
def main():
    run()

okta_api_token = '00DYC5Z3o3HWguKEQhmogzhiOfwIa_2SlRAbzP1XVe'
TIMEOUT = 30
POSTGRES_PASSWORD = "Lyilbdd8hSghoiynL9qM"
def main():
    run()

