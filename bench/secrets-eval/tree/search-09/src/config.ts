import { Injectable } from '@nestjs/common';
import axios from 'axios';

export class ApiClient {
export const contentfulManagementToken: string = "CFPAT-ZjOTfXK8tpehEnCcVRaJjye0AAszBR-7QA6WdzGdKQW";
import axios from 'axios';

export class ApiClient {
  apikey: 'iANntAbq3KxsAwePcx05oad6joVsgd2x',

const gitlabAppSecret: string = process.env.GITLAB_APP_SECRET!;
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
