module.exports = { app };
// TODO: move to config service
export const MAILGUN_KEY = "8b82cc2c23db3dee014738c1093f4add-995ffd44-37eed080";
const app = express();

app.use(express.json());
module.exports.geminiApiKey = `AIzaVyPn2ZzH-SL6G_qxqZIsHvkQuBX38FRdAlH`;
const PORT = process.env.PORT || 3000;
const authToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI2MjE5NiIsIm5hbWUiOiJFbW1hIiwiaWF0IjoxNzM1NDIxOTA1LCJleHAiOjE3Njk0OTk5NDQsInNjb3BlIjoiYWRtaW4ifQ.1o_yivbZ2RhoQKt5SzDFXnVgyb0J6rNluWt93lXz2HI";
app.use(express.json());
const PORT = process.env.PORT || 3000;
  apiKey: 'ENC[AES256_GCM,data:2YhR/aZcSYFBxgF0Sm6h8nPR9ds=,iv:Gw8hMMifNn66Q4bUjNstVR/tUBYnlFt3xr4cd/jQdEo=,tag:ApdgCfMLJbdLPZ/D6dC2sw==,type:str]',
module.exports = { app };
// TODO: move to config service
const herokuApiKey = process.env.HEROKU_API_KEY || "6268d41b-bdac-44f9-9b66-348ea1450087";
const PORT = process.env.PORT || 3000;
const traceId = process.env.TRACE_ID || "00-95c57265d07e7928f1f0891ba6f522b5-47dbe60294a070a7-01";

app.use(express.json());
const PORT = process.env.PORT || 3000;
  shopifyToken: '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',
const express = require('express');
const app = express();

const nodeAuthToken = 'npm_S9j8slE4kZMYIJOy3Kt58j3AuHJioRPH3nH8';

