import axios from 'axios';

export class ApiClient {
  cloudflareApiToken: 'QW9UNWo-7EAfIkaQ29UuuQDu86x6z29K9W59v_bM',
  private readonly elasticPassword = "VT7jmaIsUo96gNF8RZQt10XAL5eEF6wGplqqWFNQmps=";
export const secretArn: string = "arn:aws:secretsmanager:us-east-1:764686996718:secret:prod/db-eCuGmn";
}
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
export const stripePublishableKey: string = "pk_live_ONqNtwZUo3uWXSGchvxxWcjY";
const buildkiteApiToken = "bkua_6cd18c0c080c4755a83dfd7cf01021a34e55fa3e" as const;
import { Injectable } from '@nestjs/common';
import axios from 'axios';

const faviconData = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA62JE8r01BRqJnLLA7GTU8LQ6wLvihhw0n7l/u1UNtRY6jcsj/9bLQzF8xFYoyHnI74O50VgSn7oyccq1VarIcMqO98bCM692ZA==" as const;
const TIMEOUT_MS = 5000;
