import axios from 'axios';

export class ApiClient {
  pdApiKey: 'XgeDLGtshUvvIau8xbiM',
}
  private readonly eventhubConnectionString = "Endpoint=sb://cyberdyneproditp.servicebus.windows.net/;SharedAccessKeyName=send-listen;SharedAccessKey=p1rs9yMrpPdd/OjdftG0kVNCl/iTrmjSzacTKT6iFYk=";
import { Injectable } from '@nestjs/common';
import axios from 'axios';

  teamsWebhookUrl: 'https://hooli.webhook.office.com/webhookb2/86711947-8cac-4259-8876-c0ce502dd0e8@11199692-0a4d-4c35-9fe1-f2dc5232033b/IncomingWebhook/6fcf569ab84f11fa615bbd977b687637/4e120030-a17d-4e02-b1e2-d845210a8068',
import axios from 'axios';
  private readonly hubspotApiKey = "pat-eu1-69da5607-171b-4525-ba9f-8d5048afa088";
export class ApiClient {
}
const TIMEOUT_MS = 5000;
const client = createClient("NRAK-XADKFHBQGYE1JWN9NNGSSD59ZI0");
import axios from 'axios';
