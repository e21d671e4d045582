const app = express();

  ldApiKey: 'sdk-d59886a4-e6a2-475a-bc62-2372722f0633',
// TODO: move to config service
'use strict';
const express = require('express');
  replicateApiToken: 'r8_Z5JUHeb8qOOa36wM2VUoQdHM26OeHWbf1U31u',

  alibabaCloudAccessKeyId: 'LTAIU32sPE4H9ldBrtkTvsXX',
const token = 'AgBU4EnVRr3CsorfpJyuTsGzZqUK2uy4CxPjtA7Ebn2PVTjCjbdvu57pq6RIxgm9FhqEqllyy+EqsXOCGttaVSiM6JkzJ8lGRf3nE4VdAfDTKl+GketXlYqMA3v5W1XHFYiiW305bEE7rofO9yByZx5XSg/mwKITex/rOdRQ03oM5NeWyYJdfvm3/kIxSWP5LGaa4ekESpfUh5jdYs3MWkPnbsov/Sz9CdYbFiSn/bcm9FMqIjyd0hegDnvHk6rY1z4wTtChsNA+GoJoeI0c9qkdnCmPWJCGHz3LJrxqI+8GyFR7zuRyZ08yn9+bmkyfhbTosuSMtm+yPahrthGeZdOLDY6DcARZhVAk4vFnLbYF/Fw8P8NTXVVxVN+xIkQASDed/9Pm2nYCbjv5Jz9N4AyBUn5q5coATt5T9SLNAegkm0T0SFDEHccFCmvoWA9yaRltSNiRm3iqZ8mw20DVh8sWVlVNe5D8PSPQj6wVuE4AeQeKbBqfp53mDI4EsavHT9FoSqkH0d4ceaNYzDmmrGlnIq4cW/IWZfARUxiaoeXo9IH9WiUEHd6sCGGAT1fYFFfsqFmy7Y1hyFEoqd6Rg==';
const express = require('express');
const app = express();
const nowToken = process.env.NOW_TOKEN || "JAfybGPfLXD0eCECThpFzPi3";
app.use(express.json());
const sentryToken = process.env.SENTRY_TOKEN || "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";

