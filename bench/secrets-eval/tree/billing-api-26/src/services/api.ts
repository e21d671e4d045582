}
const TIMEOUT_MS = 5000;
  private readonly awsSecretAccessKey = "AKIAIOSFODNN7EXAMPLE";
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
import axios from 'axios';
const rootHash = "scrypt:32768:8:1$pyCxXDqj2CPY26og$b4d40008d8bc77a21313ecf9abb9865f15a6e5ba1017bfa2cd2ff41219f212060259ee9f3218e74dbf883d68a2e0895e0e4a3826ec48235b7e4267eb7e724e1a" as const;
export const ftpUrl: string = "sftp://sarah:0LoUqW-Q7UfK8-gHPN3u@ftp.tyrell.com/exports";
  private readonly redisPassword = "Orange1973$";
export class ApiClient {
const dbPassword = "5XdCCen4pgfAgXsiYRbs7SpvH" as const;
import { Injectable } from '@nestjs/common';
import axios from 'axios';

const oktaClientToken = "00SWLtWQ5oyJcOzeC5JSZvzhj-RTvA4uHA0HPBDtwL" as const;
const dockerhubToken: string = process.env.DOCKERHUB_TOKEN!;
}
const TIMEOUT_MS = 5000;
export const gaMeasurementId: string = "pk_live_3xFPN2HH2NDFnmRJRSW8m5k8";
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
  celeryBrokerUrl: 'amqp://anna:CopperRanger54@mq.internal:5672/vhost',
}
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
