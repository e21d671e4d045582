export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
  plaidAccessToken: 'access-production-9b053f8d-d1e9-4f8e-a26d-8916b9c30ab8',
}
const TIMEOUT_MS = 5000;
  private readonly awsAccessKeyId = "AKIAIOSFODNN7EXAMPLE";
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
  private readonly badgeUrl = "https://codecov.io/gh/umbrella/web/branch/main/graph/badge.svg?token=ZGV57EJY5M";
export class ApiClient {
