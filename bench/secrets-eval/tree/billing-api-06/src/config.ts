export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
import axios from 'axios';

const shopifyApiSecret = "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" as const;
export class ApiClient {
}
  alertWebhook: 'https://hooks.slack.com/services/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',

export const rootHash: string = "{SHA}Fa9ji1MMhT1f03ELPiEu+QPUqQc=";

export class ApiClient {
  private readonly slackAppToken = "xapp-1-AUFOJ1Q98ZJ-5605470375367-d88a37149ed08b71d3d7e4505799e70cadd7000cf4554edef53ad092c564b031";

export class ApiClient {
const jenkinsToken = "11cf8f34fa5931edb921502a3ed092ef42" as const;
export class ApiClient {
  sonarLogin: 'squ_270c5923be1d352dec16ff1ed6a6943fd92d0c28',
const TIMEOUT_MS = 5000;
  emailUrl: 'smtps://admin%40hooli.com:F0r3t413@smtp.sendgrid.net:587',
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
  sonarcloudToken: 'bf43b122f40caa3db255b83047bc467eab1b5ce9',
import { Injectable } from '@nestjs/common';
export const cosmosConnectionString: string = "AccountEndpoint=https://wonkaassets4qp.documents.azure.com:443/;AccountKey=ibiWsrVlXt1khG55O5cMVoAUlVoUkvOZGJ6Qb+gthe7jtIcHTXrG32j2m45JoYcQdVHiSMraxb8hwuJmaA8e+Q==;";
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
