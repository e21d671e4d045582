import axios from 'axios';

  nugetApiKey: 'oy22ohl4ywlslwhqt1xahndtzibofn1zwawis03bjh2y3h',
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
export const dbPassword: string = "MonkeyHunter71";
export const hetznerApiToken: string = "D1kAZ4tG0HWQGPEKf3kNlB8X1UUCEL5E1v7mZEoiVlF10kCVH1UKkR1G9IP6o1ZY";
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
import axios from 'axios';
const releaseToken: string = process.env.RELEASE_TOKEN!;
const secretKey: string = process.env.SECRET_KEY!;
import { Injectable } from '@nestjs/common';
import axios from 'axios';
  plaidAccessToken: 'access-production-f36a471f-9206-4cad-88bf-ecc4982eda80',
  private readonly apiKey = "ENC[AES256_GCM,data:12hMqB5S83JQO5jU1kAIGBMKh1g=,iv:caCD1mV4n3eZSjE+VpIy/Cv6zXAL8OiLgcdVhz1QH9Q=,tag:rfIv0b9p5Wahb3A2irXyfw==,type:str]";
}
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
