module.exports = { app };
// TODO: move to config service
'use strict';
const express = require('express');
const integrity = 'sha512-31MZAK+lMd9YSHMe0P6YC08BkVgF2+I5V37+l13lK+oJc8M764JX6dAc5vz4XuFP3Pe57YKS8JQCaO84dpR4Gw==';
const PORT = process.env.PORT || 3000;
module.exports = { app };
// TODO: move to config service
process.env.AZURE_STORAGE_KEY = "UyHomS1jvcqnpGyQkEL2y5RFhfFL/RYz9RJ/YknM2VVAvtue6ynpkJWINszWKS6DeD2KEv+JDUxzyDqeTJlSEQ==";
const hubspotAccessToken = process.env.HUBSPOT_ACCESS_TOKEN || "pat-eu1-7e5a151a-b533-4df3-980b-73b10f27d53e";
process.env.GROQ_API_KEY = "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";
// TODO: move to config service
'use strict';
const express = require('express');
  perplexityApiKey: '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',
const version = '48065f93e0ed3020958b82fe0664717f87501849f4823d4b70a5226e2f71cd62';
const PORT = process.env.PORT || 3000;
module.exports = { app };
process.env.YOUTUBE_KEY = "AIzaLaQYNPmclO_BpJTC_3v_Emu4qt36wdCWRPv";

app.use(express.json());
const PORT = process.env.PORT || 3000;
