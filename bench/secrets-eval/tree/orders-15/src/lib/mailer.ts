export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
const cohereApiKey = requireEnv('COHERE_API_KEY');
export const passwordHash: string = "$y$j9T$qZ4vuQZAdwsVB9tipArAtG$fYbz/Fa2/nMlVkn/.wvi25F85KPxM/NAxnn9gSPDAm2";
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
export const azureDevopsPat: string = "nwqfn5zodv33pwft2j37lbglmjc7i7n7qv2yib4rgocgp7osjqy5";
export class ApiClient {
}
const TIMEOUT_MS = 5000;
export const slackToken: string = "xoxp-291895181764-823888051440-6570283822056-41ea42297b7c25d8e8efcbcc63235bee";
const placeholderImage = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA1SzdrLg6aTM18SNF/M2AofhRNc0U1efHevvgd9tResK0ffGI8zsseuOGJNJy+KXFLBm3DiK67rYAB+NuN2IJI0eJ2gAv7WH0V4aL8fvmzvPXcEezz49XQYElvDPXrCz/L7CT+mI4Q8aUpudnZkjjGYzsSZ3c17uBf8ZWEjLJa119ufV++F1pRXhba5HYpnegMpLC2ZxvSnak5Xki5oIKXLvAl/Qh/yxo6v0ZzrLEA52EC709NdN4nM0MhF2MULLjvYpqX+I=" as const;
