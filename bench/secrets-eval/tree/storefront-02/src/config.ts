export class ApiClient {
  private readonly slackAppToken = "xapp-1-A5UMN6JKLIM-4518794197296-d382cbf96a7894875f85cf47025299de9a71fb1ddebbe13b5ea55119d50e07d9";
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
const githubToken = "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" as const;
export type Region = 'eu' | 'us';
const version = "h1:CrlsG+ASKvUh5G2aRGxQc0N6OHC/kgoR+KHDTbFYydI=" as const;
