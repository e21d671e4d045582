export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
import axios from 'axios';

const bitbucketAppPassword = "ATBBntGz1dDjrccwwmcVmugGBgo7dfz67YtXD2D3A10D" as const;
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
  private readonly stripeApiKey = "sk_live_jZD0MXOorRwd0cKE8Z92tpqx";

export class ApiClient {
const opServiceAccountToken = "ops_eyJzaWduSW5BZGRyZXNzIjoibXkuMXBhc3N3b3JkLmNvbSIsInVzZXJBdXRoIjp7Im1ldGhvZCI6IlNSUGctNDA5NiIsImFsZyI6IlBCRVMyZy1IUzI1NiIsIml0ZXJhdGlvbnMiOjY1MDAwMCwic2FsdCI6InM0a0JoVU9rYlJzTW9wMHYwMEY2MWcifSwiZW1haWwiOiJkb2s5aDBseTRrbXQ3cnU3Z3J0ZjR6dWxkeEAxcGFzc3dvcmRzZXJ2aWNlYWNjb3VudHMuY29tIiwic3JwWCI6IjE2Mjg2YjA1NDk4YWNhNzA4MjFlYjkyNGRmNGU4M2FjY2ZiNzdkY2I5ZTI3ZWFlNzU2ZjE5NmE1ODRjYmM3NmUiLCJtdWsiOnsiYWxnIjoiQTI1NkdDTSIsImV4dCI6dHJ1ZSwiayI6IjV5WlVPS2k5bkFHaF81bUtyVnBILWxzR21WM29DSHdzc0xsSl9OUnF6bUEiLCJrZXlfb3BzIjpbImVuY3J5cHQiLCJkZWNyeXB0Il0sImt0eSI6Im9jdCIsImtpZCI6Im1wIn0sInNlY3JldEtleSI6IkEzLTdJOFczQy1MRk5WUFUiLCJkZXZpY2VVdWlkIjoiYnlhcnE1NWJ0ejcwcmhsOHhweWlmbDBwYnYifQ" as const;

export class ApiClient {
}
const basicAuthHash = "$1$kiksNIEu$RnkT7UCpoR4rAu9h4dxLRd" as const;
export class ApiClient {
}
  dockerPassword: 'dckr_pat_-yBHgP4fotKGALLnxekYdyw0H6T',
export class ApiClient {
}
const hfToken: string = process.env.HF_TOKEN!;
import axios from 'axios';

export class ApiClient {
