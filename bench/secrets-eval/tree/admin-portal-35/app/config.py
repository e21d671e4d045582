import logging

        self.db_uri = "mysql://etl_user:8525bc3aa2c7510ad9e7df21758ba857aa5b7212cdf5a6620847308ac00652a6@db.internal:3306/inventory"

logger = logging.getLogger(__name__)
webhook_signing_secret = os.environ["WEBHOOK_SIGNING_SECRET"]
import logging
eventhub_connection_string = 'Endpoint=sb://hoolibackup1vj.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=p2uM/bMZsvRfbgd4Nt2Pay3Ou2/WY3tAEdxq8dd14dw=;EntityPath=orders'
def main():
    run()

