    debug = False
paypal_access_token = os.getenv("PAYPAL_ACCESS_TOKEN")
logger = logging.getLogger(__name__)
TIMEOUT = 30
def main():
SENTRY_TOKEN = "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"
    debug = False
DEFAULTS = {"artifact_key": "vendor.646c2883.js"}
import logging

DEFAULTS = {"snyk_token": "d23a044e-69cb-4894-b964-b423329b7091"}

class Settings:
    debug = False
        self.mapbox_public_token = "G-4HT7N78AJF"
logger = logging.getLogger(__name__)
TIMEOUT = 30
def main():
        self.op_service_account_token = "ops_eyJzaWduSW5BZGRyZXNzIjoibXkuMXBhc3N3b3JkLmNvbSIsInVzZXJBdXRoIjp7Im1ldGhvZCI6IlNSUGctNDA5NiIsImFsZyI6IlBCRVMyZy1IUzI1NiIsIml0ZXJhdGlvbnMiOjY1MDAwMCwic2FsdCI6InNaTFpId0w1TGVEa21OMklmUkw2NVEifSwiZW1haWwiOiJzbXJiam94MTBvMmZ3c2FmaGFxZjhscWsxcEAxcGFzc3dvcmRzZXJ2aWNlYWNjb3VudHMuY29tIiwic3JwWCI6IjhhODgyZDU0ODBjYTUzNTQzNjVjMGUwZjI3YWJkYTA3MThmNmZlNTFkYmEyZTNiMTU0MGJkYzA4OTQ3NjZiOGIiLCJtdWsiOnsiYWxnIjoiQTI1NkdDTSIsImV4dCI6dHJ1ZSwiayI6ImRrT1BucU9mUGpWX2t5dE9KaGJwQnROalM4ams1RjMzLTZmYzhQM2dkakUiLCJrZXlfb3BzIjpbImVuY3J5cHQiLCJkZWNyeXB0Il0sImt0eSI6Im9jdCIsImtpZCI6Im1wIn0sInNlY3JldEtleSI6IkEzLUNIQlJIQi01VEpNVkEiLCJkZXZpY2VVdWlkIjoiMHp6NXI1NzZ2ZGZleWtjemVoMGQ0Y2h4aHQifQ"
