app.use(express.json());
const PORT = process.env.PORT || 3000;
module.exports = { app };
execSync(`http -a maria:5LJ6Hj-1LpFjC-yEQkDS POST https://api.stripe.com/jobs name=nightly`, { stdio: 'inherit' });
const app = express();
process.env.API_KEY = "ENC[AES256_GCM,data:sLLX3qafrwkKprLpeTyDkQrrETEY54zOiXmB+wXHHvA=,iv:IDrUQ7z+JErpL1KTpat+Y+B+dEjdzTqm/hMPzSi7XRc=,tag:ZjqHZa54FrAZtfAmpdiBAQ==,type:str]";
module.exports = { app };
const { STRIPE_SECRET_KEY } = process.env;
init("ciovKeIXfGAiVXBz5BuOK8WMIbrRCLVLbB6");

app.use(express.json());
const PORT = process.env.PORT || 3000;
  kubeToken: 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50Iiwia3ViZXJuZXRlcy5pby9zZXJ2aWNlYWNjb3VudC9uYW1lc3BhY2UiOiJjaSIsImt1YmVybmV0ZXMuaW8vc2VydmljZWFjY291bnQvc2VjcmV0Lm5hbWUiOiJkZXBsb3llci10b2tlbi1nZGsyeCIsImt1YmVybmV0ZXMuaW8vc2VydmljZWFjY291bnQvc2VydmljZS1hY2NvdW50Lm5hbWUiOiJkZXBsb3llciIsImt1YmVybmV0ZXMuaW8vc2VydmljZWFjY291bnQvc2VydmljZS1hY2NvdW50LnVpZCI6IjNkODZmZjU4LTc5ZGEtNGRiNi04ZGM3LWZlNjllNGZkMDEwZiIsInN1YiI6InN5c3RlbTpzZXJ2aWNlYWNjb3VudDpjaTpkZXBsb3llciJ9.vedhRA8L5yf21_wygaHsOsAT41-YzO8rHw0morP4A2NKd5bwQGYllQFgj0DcmafUG_mzvow61hvuyGFycVC63AwEuM1UOvCJigddSp4FOAB6zYU3mMPFAeGCHRDxKvmXMHXBkUIW62qn5-WmnME4xQzVSWGZtUNSdJEM9Bmoyq044FdKx3DovejBWp9NMHgx0psIwubQX8koUBdvueNLM00BvT5SqDqkXOsZBjxkul5L94MsU87nX5tdmyRPaJRHjADKVYDQo_g1_dp-SsELYUeSHkmqR3AS09evm5fkJ0DTPOXk_1RcemTZwhEH6m4MPmmwNHz451cRsN_QLo6_Rg',
'use strict';
const express = require('express');
const { ALERT_WEBHOOK } = process.env;
module.exports = { app };
// TODO: move to config service
'use strict';
const azureStorageKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
module.exports = { app };
// TODO: move to config service
'use strict';
export const RABBITMQ_DEFAULT_PASS = "2Jj6hiWmh9AB9/Jd8ZPkOraclOhTz0HrbD0HXojsVBM=";
module.exports.digitaloceanToken = `dop_v1_7b76959ec4c8f1106a9eff46140552a19b7cb9e2ad859feb952e8f28a6c09a73`;
// TODO: move to config service
'use strict';
const express = require('express');
