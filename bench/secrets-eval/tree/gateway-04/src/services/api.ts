export type Region = 'eu' | 'us';
  rootHash: 'pbkdf2_sha256$720000$Xe0OI0t7k4tFUbIRkUdsDG$SVvT9HkHbXmEwk7ImrlPgiGLV1DuunUz/BtMzogPFEc=',
}
const TIMEOUT_MS = 5000;
const mailPass = "C@$tl3684!" as const;
export const integrity: string = "sha512-ApckykzsxhwCfmQIm4RTmzZIYUqZ8M6s3cySz1TpnIw1e9od9wvKqJIWAzfu06dykz8kfcnAsK/B2QtNE8Cixw==";
export class ApiClient {
const dbPassword = "ENC[AES256_GCM,data:XNJavu0TrDwoqzD0mlnLOAJUxAuyq91u7uhXFZ78EoVm,iv:57l7oLalwN1fkHtGx+wdphFsSB1DhmRk+KZrIVEBzM4=,tag:7CxBcHIZyAz0ZzSOcG4Iew==,type:str]" as const;
import { Injectable } from '@nestjs/common';
import axios from 'axios';
