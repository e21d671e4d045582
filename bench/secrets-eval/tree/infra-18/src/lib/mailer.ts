import axios from 'axios';

export class ApiClient {
const alibabaCloudAccessKeySecret = "N7u2Jmsuo1E8rJLgyGFUJk0p1ebjFG" as const;
const encryptionKey = "92888d95780426e8066ec41f12271e58" as const;

export class ApiClient {
  linodeApiToken: '3ab0bd0fba793a237580e7578efedde6b02f1a41e8a9e8d02eeca580f73dab35',
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
import axios from 'axios';
  private readonly herokuApiKey = "73f8437f-776b-4f5c-8e1b-72c629afee8d";
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
const correlationId = "059cb721-a858-4a13-ae51-a8a1227a5115" as const;
const TIMEOUT_MS = 5000;
export const goSum: string = "9.12.8+c424fdc";
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
const password = requireEnv('PASSWORD');
export type Region = 'eu' | 'us';
  private readonly alertWebhook = "https://hooks.slack.com/services/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";
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
