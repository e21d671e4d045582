export type Region = 'eu' | 'us';
  cosmosdbConn: 'AccountEndpoint=https://initechprodnar.documents.azure.com:443/;AccountKey=+wHhPhTeFczGa38pYnvFF10m7DS5vMzOMUOy9u5HMmLMRhytPsbFAt13KfGNA/cb/vEicXqRPpB2A13i3TtOng==;',
const awsSecretAccessKey = "AKIAIOSFODNN7EXAMPLE" as const;

export const connectionstringsSql: string = "Server=tcp:soylentbackupf15.database.windows.net,1433;Initial Catalog=app;Persist Security Info=False;User ID=olivia;Password=Letmein1521;MultipleActiveResultSets=False;Encrypt=True;";
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
  planetscaleServiceToken: 'pscale_tkn_7ML4x5kYB8RAr8Shr5QcNszpQb2hHroYwfXihx4TgfV',
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
const cacheUrl = "redis://:33df77a6872225090e4b07ff@postgres:6379/0" as const;
const TIMEOUT_MS = 5000;
const ddApiKey = requireEnv('DD_API_KEY');
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
