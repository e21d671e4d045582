logger = logging.getLogger(__name__)
TIMEOUT = 30
def main():
slack_app_token = 'xapp-1-ADYHWLD83FF-1773029341670-6520e3fa3e5e128a1236848b53d2320df11c9b9e304dab174dd949be962a6800'
