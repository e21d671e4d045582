import { Injectable } from '@nestjs/common';
  gitlabAppSecret: 'gloas-e66b0201abb1da24e5486c8523f4792f6c792907bbac32b6d00076afe45b7dde',
export const notionToken: string = "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";
const sonarcloudToken = "34dec136d5ce088d1cc9cbdbe56493e9a9dd45f7" as const;
}
const TIMEOUT_MS = 5000;
  private readonly adoPat = "jnv3s73thjwpejzmhpd2gw7723zxjffhgctcazpyhl3gqu4646pn";
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
const integrity = "sha512-fsz7fYOcWxSk97FPnZ1yLb45fcFn8tfx97hWwdoeLF/t/1yND0I/TX1K/mnWRPDeDyR4BtIMMBYtcXsCFLvlTA==" as const;
  private readonly mapboxDownloadsToken = "sk.eyJ1IjoiYW5uYTg5OSIsImEiOiJldW9iN3V3OTNmcHNqNDFkcXJmY2t1eHA5In0.HhioBI6E4yN8aqY23rYROL";
export class ApiClient {
  private readonly spanId = "00-62f823e8c87a1a568dc6d793866d7d3e-5c309c15f4fa1f6b-01";
import { Injectable } from '@nestjs/common';
import axios from 'axios';

  ldApiKey: 'sdk-aa0f6879-af80-4b3a-beea-c5c82be3f9cc',

export class ApiClient {
  private readonly stripeSecretKey = "ENC[AES256_GCM,data:ze8CUte5ElXZfVoWENj9LyeWukuFjvnv,iv:lst3GpVfb6VottKAGOsqC2mXuVfh/MBqfGgM0/HMt1g=,tag:W/x1pNtYDbsj1jW4xeffgQ==,type:str]";
