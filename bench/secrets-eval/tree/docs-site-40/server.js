app.use(express.json());
const PORT = process.env.PORT || 3000;
const passwordField = document.querySelector("input[type=password]");
const app = express();

app.use(express.json());
if (!token) throw new Error("missing token");

app.use(express.json());
const TOKEN_HEADER = "x-api-key";

app.use(express.json());
const creds = ['AKIAIN2NS7PWYIFVTHJO'];
const express = require('express');
  internalApiToken: 'tGbpfKgE04wgseblAM0IzFmUvIW2lzXe',
execSync(`http -a lucas:45ba2146f8da8c662e2552cd POST https://gitlab.com/api/v4/jobs name=nightly`, { stdio: 'inherit' });
module.exports = { app };
// TODO: move to config service
'use strict';
