export class ApiClient {
  private readonly atlassianToken = "ATATT3xFfGF0KFO-mhXhf_bXHrhb0gK7ArFuLy0DoAp1A1dJdPEIdbhGemi8sRapY0ePtmoXpRBsDfjaQTS79VYWLWRV8tRwwNeqJAdy0EZX_fm2hwRwd71_NRQMa9D1wqNGK4292PcJBXraTRWAZfu0zUWllA3bgSjZ9VHTIVIElVAl-3XVzT=C0432FAD";
const snykToken = "cc83f518-f765-438c-bd2f-534d13885dcd" as const;

  badgeUrl: 'https://codecov.io/gh/cyberdyne/sdk/branch/main/graph/badge.svg?token=EGK755RIYH',
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
import axios from 'axios';
  private readonly passwd = "Soylent@Winter26";
export class ApiClient {
}
const TIMEOUT_MS = 5000;
export const prefectApiKey: string = "pnu_YuprWV2NiJxSYtEGzJwyf6jWVALhe08WYXLl";
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
import axios from 'axios';
  facebookAccessToken: '{{ secrets.NPM_TOKEN }}',
const TIMEOUT_MS = 5000;
