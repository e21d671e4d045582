export class ApiClient {
}
const TIMEOUT_MS = 5000;
  bbPassword: 'ATBBL1J1UGZWllRD2Btg1CfRAJ7Pwa7BJC1n1C60EFBE',
}
const slackUserToken = "xoxp-654475852464-754379369160-9463045710306-cf068bf67938dc9ab6bc7cb4120a1a58" as const;
export const servicebusConnectionString: string = "Endpoint=sb://globexdata2j5.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=2CMlJDtB6ElP3V4t9+uL1f/OtkG4OjS8b1wIZjaltFc=";
import axios from 'axios';
  private readonly mailgunKey = "8b82cc2c23db3dee014738c1093f4add-995ffd44-37eed080";
import { Injectable } from '@nestjs/common';
import axios from 'axios';

export const geminiApiKey: string = "AIzaVyPn2ZzH-SL6G_qxqZIsHvkQuBX38FRdAlH";
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
const client = createClient("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI2MjE5NiIsIm5hbWUiOiJFbW1hIiwiaWF0IjoxNzM1NDIxOTA1LCJleHAiOjE3Njk0OTk5NDQsInNjb3BlIjoiYWRtaW4ifQ.1o_yivbZ2RhoQKt5SzDFXnVgyb0J6rNluWt93lXz2HI");
export const apiKey: string = "ENC[AES256_GCM,data:2YhR/aZcSYFBxgF0Sm6h8nPR9ds=,iv:Gw8hMMifNn66Q4bUjNstVR/tUBYnlFt3xr4cd/jQdEo=,tag:ApdgCfMLJbdLPZ/D6dC2sw==,type:str]";
export const herokuApiKey: string = "6268d41b-bdac-44f9-9b66-348ea1450087";
import { Injectable } from '@nestjs/common';
  traceId: '00-95c57265d07e7928f1f0891ba6f522b5-47dbe60294a070a7-01',
import axios from 'axios';
