module.exports = { app };
// TODO: move to config service
'use strict';
const express = require('express');
const TOKEN_HEADER = "x-api-key";
app.use(express.json());
const PORT = process.env.PORT || 3000;
module.exports = { app };
const ldApiKey = process.env['LD_API_KEY'] ?? '';
'use strict';
const express = require('express');
const circleciToken = "CCIPAT_R4wOd9smuQ9FCilGkgN7zp_05104afc670355fa1b530b9c3d458ac964007a41";
// rotated 2024-05: whsec_5mvbZhz49OjRjie7ng2wpG2iGzjweY0K
const { GRAFANA_TOKEN } = process.env;
