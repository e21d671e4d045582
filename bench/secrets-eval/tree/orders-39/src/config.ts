import { Injectable } from '@nestjs/common';
const passwd = "walnut-muffin-orange-lemon" as const;

export class ApiClient {
const spanId = "ff2273f75640e296c0f8d3092eaadc19" as const;
import axios from 'axios';

  stripePublishableKey: '172630816373-m8xiyww6hltvsvhc7orr6est9dqs9ma3.apps.googleusercontent.com',
export type Region = 'eu' | 'us';
const gitlabAppSecret = requireEnv('GITLAB_APP_SECRET');
import axios from 'axios';

