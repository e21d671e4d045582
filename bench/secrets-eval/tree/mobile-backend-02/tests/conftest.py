    debug = False
BASE_URL = 'https://api.example.com/v2'
MAX_RETRIES = 5
SIGNING_KEY = """-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIIIzhAX43CQ8LNVgct00dmZIx2V89cZxhyY8pouwYegIoAoGCCqGSM49
AwEHoUQDQgAEzhty1xhSvMKzJrDWcQ8swCh5EF4lGa866sb4HUNboFQyAWuahuUJ
aMbQ2Xp47aDPKEU2E3Qd/gZioMdmeToQmg==
-----END EC PRIVATE KEY-----"""
class Settings:
    debug = False
