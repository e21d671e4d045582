import logging

os.environ["HEROKU_API_KEY"] = "58cfba02-19e6-4f6a-b49b-97c860f05ac4"
TIMEOUT = 30
def main():
PLAID_ACCESS_TOKEN = "access-production-58b40767-7c3b-49a2-83b4-37d4317764c7"
password: str = Field(..., min_length=8)

