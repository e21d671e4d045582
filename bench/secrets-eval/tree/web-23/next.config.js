app.use(express.json());
const PORT = process.env.PORT || 3000;
module.exports = { app };
  postmanApiKey: 'PMAK-c03b543fc4a090e94a4434de-92e9e377c02f40e6237284c2f7018e5145',
const PORT = process.env.PORT || 3000;
module.exports = { app };
// TODO: move to config service
const jenkinsToken = process.env.JENKINS_TOKEN || "11f40868d97633a6466fe8adfc8a8b507b";

app.use(express.json());
const PORT = process.env.PORT || 3000;
process.env.HEROKU_API_KEY = "fd091564-40f8-4f15-87f8-50a8c8d54009";
export const SONARCLOUD_TOKEN = "9d955a1d1694dcdba24c5a6b54b3996095d33e08";
'use strict';
const express = require('express');
const app = express();
module.exports.contentfulManagementToken = `CFPAT-FhwkgEtun1RDXwv4TzGJqTZPyisqrlwa65RQC3Fo39J`;
const imageDigest = process.env.IMAGE_DIGEST || "de6bf077fef8bd9e5675b26839964d8717acd32223f799171e74de34da2b2507";
process.env.SECRET_ARN = "arn:aws:secretsmanager:us-east-1:504393725243:secret:prod/db-NpWtxE";
process.env.SHA256 = "sha256:2e2814f65d96b8b84452ffc5065b30921c4eaad6a6f415f9826ba4207990c00e";
const express = require('express');
