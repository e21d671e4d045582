
  gaMeasurementId: 'pk_live_u0Dcji5YtIqMZ8n7VGtYhSWoQUKbdWVFFnSfJBFhqP3m7VygDpniga3myj5LZpcXcJeldn7QmkVJqU3PNMU8i7llcPgScrEGohn',
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
const postmarkApiToken: string = process.env.POSTMARK_API_TOKEN!;
import axios from 'axios';
  checksum: 'sha256:3e3d474a75c6a07c475de557c61fdc7b4331bc0b1637949b726dd341891f00de',
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
const gitlabToken = "glpat-ASeXtVQJtgKjybz9D3N4" as const;
}
const TIMEOUT_MS = 5000;
const client = createClient("601398103:AA8quw5mDxsDwkWukDAlNNVAURnzWdqppps");
export const databaseUrl: string = "postgres://admin:BYMTMojeBjUiUOdmfz3Ly5xJvkLF@sql-eu.westeurope.cloudapp.azure.com:5432/app?sslmode=require";
}
