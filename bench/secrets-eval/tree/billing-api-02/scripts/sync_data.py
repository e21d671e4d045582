BASE_URL = 'https://api.example.com/v2'
MAX_RETRIES = 5
import os
        self.rubygems_api_key = "rubygems_913e91615544f75688afbb65a1b2632b9ecd4346e93a5549"

logger = logging.getLogger(__name__)
LINODE_TOKEN = "402ca23cdfdd906b477c6fba9ba017ecd6e2fa2863d592c2e701e4b1b89db761"
    airtable_api_key="pat0Y7HgO6NnX5yQF.dc18a9de27ec3de6cc7be4c8914f338890cd47257691e11706509164f9816e0b",
import os
        self.openai_api_key = "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"
import logging

CONFLUENCE_TOKEN = "ATATT3xFfGF044lU8bbWUQ2Fkrda8Mo74wyQRujUZOHzCspLGr6Dq0E_5khu_-oB94LAVdLUVK_q0gh2bsdIxjuiZN5z7Z6rzE6Fu6TH4Spe8H1WB1cuJT2TCftmvuDRcKpcdlcQLDy8xRDmqF6fCtASqXvRJP700exlVFhVCdQUpSpdnG7jxs=6244D6BB"
import logging
DEFAULTS = {"square_app_secret": "sq0csp-qN6tG7SM7zTXIzsCU4fRbjaCihSSUwurMKw_55fmzxl"}
import os
import logging

