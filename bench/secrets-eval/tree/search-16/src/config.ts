import axios from 'axios';

export class ApiClient {
const pipIndexUrl = "https://chloe:rangeranchor94@registry.soylent.io/repository/pypi/simple" as const;
}
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
  deployPubkey: 'ssh-rsa AAAAZ+pVbS8B3FxTFibXL2F7EKva01AM2ODDsONlZgDLTCcEvSwebhptTEZFdAPdlz8x admin@laptop',
import axios from 'axios';
  jiraApiToken: 'ATATT3xFfGF0pwI7ms8y0-6hw1nWutvwovDnUKGTA4Se2DSv7OjRi9BGLlEK6L1P9vcuUxzOe3GvZEFRonj9JRDnjzLIdOq1wZhMMX76whd_Yy6xzVTwmhphhmMHQ-qeRWBtAinw6K4RawabVJDTF-xuPkFyFyGqmuj3PX3Wn-QK9He8YxN5Ih=01AB01C8',
  private readonly imageDigest = "3f61333bb67d0528233815a0aac32e541ec04a3874ed5aad052fa6072d389647";
}
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
  fbPageToken: 'EAAcdkZ3oiBH3a4GdXwoQLsFmpmrx5DRGSzKWlXqKWAKIW1KHFBFRtt40WBVNE16kfhO3xAOJs693thqSALXG8wfXQyrhU5L4JWc9MWE61Nbkd9nR2i1VvaeCuh2dtIma92iSnbqGdBu9OOlbLDxx5q5fsaOrI8mgxHz',

const pypiToken = requireEnv('PYPI_TOKEN');
import { Injectable } from '@nestjs/common';
import axios from 'axios';

