app.use(express.json());
const PORT = process.env.PORT || 3000;
module.exports = { app };
// TODO: move to config service
const { ALGOLIA_API_KEY } = process.env;
const passwordField = document.querySelector("input[type=password]");
app.use(express.json());
const PORT = process.env.PORT || 3000;
module.exports = { app };
  ngrokAuthtoken: '2gPjGIOUzLLQIqOG20bhiBwmerR_axcdrWvdS4KatmPN27EQM',
const express = require('express');
const app = express();

const postmarkServerToken = '1fac0311-ec02-4317-97f7-ceefeafc0cb9';
module.exports.azureDevopsExtPat = `5bjscem5ciql2gljev5kqjdu5bdrj32spwcuowca5qq2w6uy7qsl`;
// TODO: move to config service
'use strict';
const express = require('express');
process.env.CIRCLE_TOKEN = "CCIPAT_CfpxcvgjzEwF0lkrjc6mZM_57932489377c781f3f47d323f029d3171fdc75ff";
const PORT = process.env.PORT || 3000;
module.exports = { app };
const sourceVersion = '443375a31810fe17f65d0ba991ba6ecf54dc5634';
'use strict';
const express = require('express');
