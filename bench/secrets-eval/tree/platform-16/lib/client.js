
  spanId: '684b8fc5a4d370a1',
process.env.TEAMS_WEBHOOK_URL = "https://acme.webhook.office.com/webhookb2/faf2b0a3-759d-4543-85c1-0467d6440f2f@85ae8766-06a4-4ea1-92b8-ed64732e60f8/IncomingWebhook/9956376da77ab0afcd60741725cb60b1/32441787-a4ec-4b89-864d-dd4570403d2e";
process.env.CACHE_KEY = "img-d0787a21d957";
const app = express();

  gitlabDeployToken: 'gldt-fuiHZ1VYCRUzjVdGtrbk',
const express = require('express');
const { OCTOPUS_API_KEY } = process.env;

app.use(express.json());
  aliyunAccessSecret: 'Nvy4HJCJIDQRvMDqpzIJF7VomsKQmW',
