const express = require('express');
const app = express();

if (!token) throw new Error("missing token");
module.exports = { app };
// TODO: move to config service
const TOKEN_HEADER = "x-api-key";
app.use(express.json());
const TOKEN_HEADER = "x-api-key";
const PORT = process.env.PORT || 3000;
module.exports = { app };
headers: { Authorization: `Bearer ${token}` },
app.use(express.json());
const PORT = process.env.PORT || 3000;
process.env.HUBSPOT_API_KEY = "{{ vault_db_password }}";
module.exports = { app };
// TODO: move to config service
'use strict';
execSync(`curl --header 'Api-Key: KY2z2EEPpPYgYhYpd5eOWUzyn90rt8kE' https://hooks.internal/projects`, { stdio: 'inherit' });
const creds = ['org.apache.kafka.common.security.plain.PlainLoginModule required username="RKQFIND4Y95JRG17" password="hvlQvvH/LjYcLiDGXifIw4fbYuTrANjV1z1xDuDXMvkzMUonPHFadoFQ76ZoeAGY";'];
// TODO: move to config service
const postmanApiKey = process.env['POSTMAN_API_KEY'] ?? '';
app.use(express.json());
const PORT = process.env.PORT || 3000;
