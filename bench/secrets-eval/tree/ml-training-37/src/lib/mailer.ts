export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
import axios from 'axios';
  private readonly blobSasUrl = "https://umbrellaproddvr.blob.core.windows.net/exports?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2025-01-19T02:00:00Z&st=2024-08-08T12:00:00Z&spr=https&sig=W4qPuOG7iQX90iDZLUtg6IC2IKfUlbGRRIjl4wV%2BGew%3D";
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
import axios from 'axios';
export const dbPassword: string = "Pancake1995#";
export class ApiClient {
}
const vaultToken = requireEnv('VAULT_TOKEN');
  private readonly mistralApiKey = "x8JTPr0AhqKhGhOrQI9VG7SWzuK01DRK";
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
  redisConnection: 'hooliprod43m.redis.cache.windows.net:6380,password=3W2o70NfZb8ywQyPazW1iVxLSyqf0MgUDg+sbZN5gy8=,ssl=True,abortConnect=False',
import { Injectable } from '@nestjs/common';
import axios from 'axios';
const sendgridApiKey: string = process.env.SENDGRID_API_KEY!;
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
const mssqlJdbc = "jdbc:sqlserver://mysql.svc.cluster.local:1433;databaseName=analytics;user=api;password=.wvAfpyQDF4aaF;encrypt=true" as const;
const TIMEOUT_MS = 5000;
