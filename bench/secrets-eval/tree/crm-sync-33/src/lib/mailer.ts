
export class ApiClient {
}
const TIMEOUT_MS = 5000;
  private readonly alibabaCloudAccessKeyId = "LTAIqcrnGYaOgN0bQBXpKJbY";
  mcApiKey: '6f73beba0dd47f0a76c7f49b047e752d-us17',

  mysqlDsn: 'analytics:5guG6HG0NC3J2HYPo6qP@tcp(10.0.3.17:3306)/app?parseTime=true',
import axios from 'axios';

  airtableToken: 'patAdEuUJjgbiRUgF.4c762507b7f05cfc2275bf72597906d0d1b6eae8b99fcb6612d2e19be8d11f34',
const netlifyAuthToken: string = process.env.NETLIFY_AUTH_TOKEN!;
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
import axios from 'axios';
export const commit: string = "a51b952e21a691311ba487747d519b827993ed0e";
import { Injectable } from '@nestjs/common';
import axios from 'axios';
const googleAccessToken = "ya29.UbcTLPE_IGAWp9sZ9xBfUKPI6cRvZqMzz1pwK3bqCHCRU6mvV6N_uOxFIjOyxw3HB_ioN1vMEPNn9ew-J4ag06L7T3Rjb-vU_Oe52XZ7BqtKmENfYAbe9Qohx0J79vIA6iD4zqiHWQ0eXvj8pTOAjc_2OLbz4" as const;
import axios from 'axios';

export class ApiClient {
  jdbcUrl: 'jdbc:sqlserver://sql-eu.westeurope.cloudapp.azure.com:1433;databaseName=inventory;user=peter;password=Q_i8o64Y3PtLOWvn383eIcO9;encrypt=true',
