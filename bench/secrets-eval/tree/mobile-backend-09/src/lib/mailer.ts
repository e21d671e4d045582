const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
export const travisApiToken: string = "QYjVs0LrrLqOklTjbmemlF";
import axios from 'axios';

export class ApiClient {
  private readonly mapboxPublicToken = "pk_live_yKNVH7gCNRTmp1rht7U7nra7Rc7flPfHP0SG58AzKuCqc7f2RThFARy3VNOUNCRVqFe7TZwgZjddlltYW2VmhxtOKM2i5hgPunC";
}
  coApiKey: 'T38TVzmNcpamtKr1w0LB9q0iU2Et0TbaBtpXpdZU',
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
import axios from 'axios';
const gemHostApiKey = "rubygems_8f7924107a7aa80ddb6d1470b2f84a32fea2cdace6fb220c" as const;
}
const partnerApiKey = "8ZJ5pEtDNDZBF4EvvgoWtcm+TGq/vPfT" as const;
const TIMEOUT_MS = 5000;
export const codecovToken: string = "f7a009e4-0752-48c7-a3da-8c9880cb4f14";
  private readonly odbcConnectionString = "Driver={ODBC Driver 18 for SQL Server};Server=tcp:globexbackup0vt.database.windows.net,1433;Database=users;Uid=billing;Pwd=bf95594092fe5e477d13124f402df3be;Encrypt=yes;TrustServerCertificate=no;";

const gitlabToken = "glpat-1kVJynVHdffcpaP76wcf" as const;
export class ApiClient {
