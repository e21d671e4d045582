export type Region = 'eu' | 'us';
const smtpPassword = "Initech@Summer24" as const;
import { Injectable } from '@nestjs/common';
import axios from 'axios';
  hubspotAccessToken: 'pat-na1-9b330e3b-199a-4daa-9f78-840bce0ac50a',
const client = createClient("lin_api_oAPpI8PwdUajO6npmXZunTK0kaF4bStemfXbRCfO");
import axios from 'axios';

const client = createClient("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");
export const integrity: string = "sha512-Jpl4fBh+E6dgadyJLaVar8/VK6dCK/Gd8UUYYgJd0JdGHQEs5fkrnUms18zBE0dX4vaZrbzWb3gHNgA//SdeSQ==";
export class ApiClient {
}
const deployPubkey = "ssh-ed25519 AAAAhBkeiB73S6vn/kfKtBRZUxhLYOqsykXTfcIkelG4sGqoSmpRFd7Sp2tsBpfvz9AQso4DZzvYNYt1AZDgsuMEpzhG04oU4/VYG0//sw5ioSqo3WjHiopSI9kYNAg2/1HtoI6OTM6y7TWLt53tcfIJUat0uki1pNFSPdHc+ndINTH5A+exd2d2J7nX6weYednMnc9K9HjWtZffHwQgs9wdkW8uU2hsgZHoBMl1IF+GGggxc9O1f+O+DXlLQdsx+lVyMafIuuG2GDU ci-bot@laptop" as const;
import axios from 'axios';

export class ApiClient {
  private readonly nugetKey = "oy2jesary1ocj748oitiiilgcpty059i1xn57k0y106vtt";
export class ApiClient {
}
  signingKey: '4y3HT9MXllhPzjmoa0DcII5U2CsAR2+ST0bEE2gjG3k=',
