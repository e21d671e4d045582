
app.use(express.json());
const nugetKey = "oy2kdf0xkfld880xumxqqj6ti2ahgigznot470udujb3d9";
app.use(express.json());
const coverageBadge = "https://codecov.io/gh/soylent/api/branch/main/graph/badge.svg?token=TNRBXV5WNO";
app.use(express.json());
const coverageBadge = process.env.COVERAGE_BADGE || "https://codecov.io/gh/hooli/api/branch/main/graph/badge.svg?token=25A98ZXVOO";

const githubToken = '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';
const PORT = process.env.PORT || 3000;
module.exports = { app };
  gcpToken: 'example-token',
const app = express();

app.use(express.json());
const stripeSecretKey = "ENC[AES256_GCM,data:RLqWPqsJWJgQPHDc,iv:WzlOH1e4fLKj7QFaPFp5zHHZcTHu6holR9IrBXrGYW0=,tag:otELyXujGBwUZFrB9+yGpw==,type:str]";
// TODO: move to config service
const TOKEN_HEADER = "x-api-key";
module.exports = { app };
// TODO: move to config service
'use strict';
  gitlabOauthSecret: 'gloas-1b3298272d3ee5e386dc3f265f335f6c212648be179b5ec236960c65e3f449bb',
// TODO: move to config service
