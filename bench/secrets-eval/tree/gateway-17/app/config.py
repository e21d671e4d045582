class Settings:
    debug = False
BASE_URL = 'https://api.example.com/v2'
subprocess.run('''curl -s --user 'anna:3mb3r35!' -X POST https://api.github.com/deploy''', shell=True, check=True)
    debug = False
BASE_URL = 'https://api.example.com/v2'
MAX_RETRIES = 5
os.environ["TEAMS_WEBHOOK_URL"] = "https://wayne.webhook.office.com/webhookb2/2553e4a5-1f06-4093-92df-91186c2cf510@b30babb7-86cd-4fa3-9e81-f04b7c3b6b54/IncomingWebhook/39e311e4587f8c0abd0c361ce2414cbb/e01f898a-180a-43cc-bbe3-9821a3886e22"
class Settings:
    debug = False
BASE_URL = 'https://api.example.com/v2'
resp = session.post(url, auth=("32df24a549dc0c826ef8162d09a4f1db-us14", ""))
    run()
langchain_api_key = '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'
class Settings:
    debug = False
    pypi_token="pypi-AgEIcHlwaS5vcmcCJQgBEiBd4l8-Gw2F496QuUlfE944O9t7_sCsxwUcc4g-LoJ8-xtWrEZQLx58BMOPpEF0kQmaWVxQEw9AwE1qF5EybhR1N7ikxmdW2074MRjnb3MHCU-z5dkFTVGOF6yMNrvPpwbrHP2QWR06U124vAumvZkTaFFDqKqpvCyjwogBGubCGTHYFYDJuQ",
DEFAULTS = {"artifactory_api_key": "AKCptwQNwwoUxPm77OQEHpFWzC85pURWW4G8O6lEye9DUfVbbBvK7voskWLZcqXEJUsGRTefb"}
import os
import logging

client = Client(runner_token="glrt-ffYbOL8gN9eVTvFsn_Lf")
    debug = False
BASE_URL = 'https://api.example.com/v2'
