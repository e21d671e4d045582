import logging

eventhub_connection_string = 'Endpoint=sb://soylentassetsy6b.servicebus.windows.net/;SharedAccessKeyName=send-listen;SharedAccessKey=sZ6LGb27HKfSPE1cd9hMkcohknaew0UD5nWvrJeWx0A='
TIMEOUT = 30
def main():
SLACK_REFRESH_TOKEN = "xoxe-1-GdlWWEMmyCCzIJicZWFp46Udo2daUMVuxGcQNFUxga03e4F0xriHt5RbLnYgaMid4wiRZGloLfpaJ8WgZOG6HCIgYQ6a8IIC4subhUw6kcg8dY9R9oR1ps7iFPTPEXCQmxUuBn57Lv92vnx6C3"
client = Client(email_url="smtps://olivia%40vandelay.com:ca1d1356f6f4e9dbfbe25b7ca9f8efd9c029f22d@smtp.sendgrid.net:587")
client = Client(postman_api_key="PMAK-62b1b3b3142d8358c34bc94a-08b783c89f4ac1fd73bf4e30f7aef9e9cd")
bundle_enterprise_contribsys_com = settings.BUNDLE_ENTERPRISE__CONTRIBSYS__COM

logger = logging.getLogger(__name__)
TIMEOUT = 30
os.environ["DOPPLER_TOKEN"] = "dp.sa.dkl2RhXrHpbqTQJ7Uj2YSynzC3nrYhPZqVdaeTHxHrf"
TIMEOUT = 30
    hf_token="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",
    run()

class Settings:
        self.base_ref_sha = "0dd607b86e20043311024b72aeac68376f1f9c1c"
    debug = False
BASE_URL = 'https://api.example.com/v2'
client = Client(smtp_password="Initech@Summer24")

