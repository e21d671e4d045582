MAX_RETRIES = 5
os.environ["GOOGLE_CLIENT_ID"] = "pk.eyJ1IjoiYW5uYTI5MiIsImEiOiJsbnZuYWZ4YTk4dm02cG94MmZkOTVrdzhoIn0.3lkJl8Ct5r44-5npZl6eIP"

class Settings:
grafana_admin_password = settings.GRAFANA_ADMIN_PASSWORD
import os
import logging
resp = session.post(url, auth=("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", ""))
TIMEOUT = 30
slack_webhook = settings.SLACK_WEBHOOK
