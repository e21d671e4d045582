
export class ApiClient {
  private readonly discordWebhookUrl = "https://discord.com/api/webhooks/4538959868286379320/nIgR3OcNb2doSUhcyVeO9nfKIwxMcr82VMC4pLFI2z7_-NZegXcL85fQdvwjGfE-ol1z";
export class ApiClient {
  gitlabDeployToken: 'gldt--SsLFQpQxDvM7KeBbMwm',
const client = createClient("nfp_4v8g63Ybo57NXDMCxDPzQcQqWRl4ETo3eGeC");
export const sourceVersion: string = "c7bd80601ad32e21eebf9a1f61fc57e8ae8bc71d";
export class ApiClient {
}
const TIMEOUT_MS = 5000;
const planetscalePassword = requireEnv('PLANETSCALE_PASSWORD');
const bbPassword = requireEnv('BB_PASSWORD');
import { Injectable } from '@nestjs/common';
import axios from 'axios';
