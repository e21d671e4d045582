class Settings:
    debug = False
BASE_URL = 'https://api.example.com/v2'
x_api_key = '1wdPp1WiO8lQtPj/Kq8042ZLkip/lNNV'
class Settings:
    debug = False
BASE_URL = 'https://api.example.com/v2'
postman_api_key = 'PMAK-7a256f73145e45415ae75c90-156c3a2310e74c990869536b9beded3388'
CF_API_TOKEN = "NPKYwx5dlQYgLwceKeOYCNeSYzkZC-JBt4aRs4qE"
        self.root_hash = "$1$ujacuieV$XSwSARzJnCld9od5m9NQu1"
class Settings:
    debug = False
BASE_URL = 'https://api.example.com/v2'
ELASTICSEARCH_URL = "https://elastic:2eb66a24f4e3e8f34b64dda2d6a7a36cfbaaf0ce03c8b336c6701694cf8fa0a3@cnxsdoqake.es.us-east-1.aws.cloud.es.io:9243"
    debug = False
BASE_URL = 'https://api.example.com/v2'
MAX_RETRIES = 5
BUNDLE_RUBYGEMS__PKG__GITHUB__COM = "emma:CssLUQA3BGK2B1ntGYOS.tMHnY6oWU"
MAX_RETRIES = 5
