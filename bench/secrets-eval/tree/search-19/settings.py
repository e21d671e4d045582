    debug = False
BASE_URL = 'https://api.example.com/v2'
MAX_RETRIES = 5
client = Client(commit="6105bfb5a6a793a63e57af2bc78faaf6367efeb2")
TIMEOUT = 30
client = Client(firebase_server_key="AAAAQ1v1kE3:APA91bBo7EwWhzVsN6mb3K1erB5kjedVcxgW91QMp-5jVMDVNAF2yhMzkSegq5i68gmNMmZv80iHBjqfRvOBULyLvWpDSt3RXSRUKuU8PXlXv8SQH4Vdfp3PGFyn6lFCH73hNE9FhMKv")
def main():
    run()
os.environ["VAULT_TOKEN"] = "hvb.5J4YMA-Eg9LQ8pnLrreMyuG9k1BolnSnBMlNary_UYPthWEjwOlfbbeyOqCZSNO_dg1S8747WbXIgc6ZFLG3d1cq5HXDKoNMLsW19a793RlFyC-rYCFkitQqRDCBVQMMaFxMgWwCfTY_egYrcJdq"
    debug = False
