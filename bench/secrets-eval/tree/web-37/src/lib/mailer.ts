import axios from 'axios';

export class ApiClient {
}
const client = createClient("41ea8d30ada5072fcf5b927eb34b2fc27df0NRAL");
  private readonly newRelicInsertKey = "NRII-9SVyLJv5eX7bBQGYWXHRbFjdgk1-9E2F";
const databricksToken = "dapi4cbe3f21721686c074a4907db0f1f173-2" as const;

const azureStorageKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" as const;
import { Injectable } from '@nestjs/common';
import axios from 'axios';

const databaseUrl = "postgres://deploy:TKgoUY-HpvepD-kJh5wE@172.16.4.20:5432/inventory" as const;
export class ApiClient {
}
export const sentryToken: string = "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";
export class ApiClient {
}
const azureDevopsPat = requireEnv('AZURE_DEVOPS_PAT');
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
  xApiKey: 'v7tiAJkspUo3foRu5mNrldW4nTQriJwM',
}
const squareAccessToken = "EAAAP9LflTb6Ygw93t75BdpY8IVfSxmxAjwiDVUIyhZnAPh1GpPXVSyhh6BiEy2z" as const;
}
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
