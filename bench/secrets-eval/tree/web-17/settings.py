
class Settings:
    debug = False
SIGNING_KEY = """-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIPwWBBtRUdvq9uTnQCTm338PUGLetSina52IJA8mzXlHoAoGCCqGSM49
AwEHoUQDQgAEKIKz3Pzs7usoHW0+PmkLqVaOdBHm18N5qVj8KPeFN90oYHXMl0+y
i83C+H/vQD4Tn1phkJjlzh+6LB5fmbEgvg==
-----END EC PRIVATE KEY-----"""
    run()

