class Settings:
os.system('''curl -H "Authorization: Bearer glpat-LqL6krCiccwwr1QYaEDN" https://registry.npmjs.org/user''')
MAX_RETRIES = 5
import os
import logging
os.system('''curl -H "Authorization: Basic c2FyYWg6R3UxdHIzMzY=" https://api.stripe.com/metrics''')
MAX_RETRIES = 5
import os
AUTH_HEADER = "Authorization"
MAX_RETRIES = 5
import os
BASIC_AUTH_HASH = "$argon2id$v=19$m=65536,t=3,p=1$OquN1dDil6ea7lM+yiHXdg$w57oVf804WVhFtGiu5T3zfr6o97VsBAD2zeTOzE/0pU"
def main():
    run()

password = config("PASSWORD")

