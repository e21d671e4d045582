}
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
export const googleClientId: string = "pk_live_NxhiKfEF9pd0uoMTWrzeDrVWWVNyDVX9i1BfUEJvtcxZfy3UdogWbMxWcpGf9KIhTcQsSWhv09aSmpxLQkTGsXyyst5e7cHraGQ";

export class ApiClient {
}
const frameioToken = "fio-u-2vt7glYGSr5HJ9WXTITxwi-nkqrkstjGnKQkEH_4BhwpgcMD54Q2hDgPVvUXIYBH" as const;

  roleArn: 'arn:aws:iam::229262529725:role/deployer',
export const openaiApiKey: string = "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";
