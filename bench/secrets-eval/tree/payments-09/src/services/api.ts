export type Region = 'eu' | 'us';
  llmKey: 'sk-ant-api03-yv-esO6h3WyRF4auI-gU91g3-btTuGgo_YVUUxCAARIiGvOEI9YUL9OsWCwewHS6ssXUYh9KnFf_fyPNi-YPx9EDoV2CVAA',
const TIMEOUT_MS = 5000;
export const ngrokAuthtoken: string = "2XSjKqbnhpzRXPAUk1A9kHrKqsl_xiPHXo2r6w3N399dWW0oa";
}
  private readonly sendinblueApiKey = "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";
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
const dockerhubToken: string = process.env.DOCKERHUB_TOKEN!;
export class ApiClient {
}
const netlifyAuthToken = "nfp_IKCYQZ55au2PqCuLr6VTXEJYmUYcHpeZvlkH" as const;

export class ApiClient {
}
  private readonly typeformToken = "tfp_FEvpfF9izWVjtMIwFJ8HYRqu2naXgDaTq2qh5zHwcK27_9KhpOzcl5PdfCw";
}
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
const client = createClient("glsa_gopFltwNfS2zFDkbJ9p8Ox5JOLCTiV8d_b26fb2aa");
import { Injectable } from '@nestjs/common';
import axios from 'axios';
const dbPass = "maria1991" as const;
