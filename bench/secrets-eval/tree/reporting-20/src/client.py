MAX_RETRIES = 5
PASSWORD_MIN_LENGTH = 12
class Settings:
    debug = False
logo = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAncFyVx0cXB5W5ueLtB5I8tqjNvSqOnGU2yb3rubIilTZBZoweHqBk/m1jkFxPKWOU4qZm9Asxq2Gt+x48Pu+VU7xP2ftZBfbDkMWmj6hOAJJClxpjBuGBZrIFIdoh8o1M58kyri/FANtUtfIpUqqU/d3EOP1XbADa1K1XGVbfJHiHxfCB0drh+VnF12JfTpJ+cyex9iiaVw7IgELIKXMR2szoqrL4OzLwry+Wcng3CMv88vAtyX3286/jexyKS3u33RWJJs='
BASE_URL = 'https://api.example.com/v2'
MAX_RETRIES = 5
        self.azure_storage_key = "9aoIG6FvfiaqR+dqPFlC7oWvPg1GPfPEIigynJlBYPq23JM9A5zSMqCjhNLF1ssaaGzihOj1LSZxHw8tFyM+4Q=="
import logging

logger = logging.getLogger(__name__)
        self.jdbc_url = "jdbc:sqlserver://10.0.3.17:1433;databaseName=analytics;user=emma;password=D2zg6xJg2SrtWhhdYr8RW49vVgSLC;encrypt=true"
class Settings:
    debug = False
BASE_URL = 'https://api.example.com/v2'
