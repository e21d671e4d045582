const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
  cssClass: 'vendor.7a02d5d7.js',
import axios from 'axios';

  private readonly openaiServiceKey = "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";
import { Injectable } from '@nestjs/common';
import axios from 'axios';
export const gdriveRefreshToken: string = "1//0cj_m_pZBxDX7UiseXg7HlJJUHguLFbP89-iDbrwsHmMpYyO8LHGytsRCD4N2vpl7P73m1mogK0JSwnJXQ6mNM2-TqmlTVZdiwfQ";
import { Injectable } from '@nestjs/common';
