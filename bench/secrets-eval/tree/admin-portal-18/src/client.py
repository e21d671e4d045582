    debug = False
BASE_URL = 'https://api.example.com/v2'
oauth_client_secret = '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'
client = Client(gem_host_api_key="rubygems_cb1eb334ba619ea98b2bc17b6bcdf4adfb857f7a2d4e378d")
    pd_api_key="wiqjeP6ItZvkPo5ssdVp",
MAX_RETRIES = 5
import os
        self.slack_bot_token = "xoxb-628173288367-1095147356796-tWNG9BYd9ygkjtEpl0AZeY5M"
def main():
    run()

        self.typeform_token = "tfp_5ByYdc8BuQY8XcyQBbjvb3xLOTVF3k7lImntIFXpAvif_9ER4KqBIQLMXEJ"
import os
import logging
