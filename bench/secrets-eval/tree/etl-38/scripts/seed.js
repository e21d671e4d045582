const app = express();
execSync(`curl -s --user 'webapp:yEA3PsaDbKbDs4v+uCpEEF0r62uAsbSOVmfqziWi8Mg=' -X POST https://registry.npmjs.org/deploy`, { stdio: 'inherit' });
const PORT = process.env.PORT || 3000;
execSync(`wget --header="Authorization: Bearer glpat-p2WcMPydPwbS1P4Q7p51" https://api.github.com/export.csv`, { stdio: 'inherit' });
init("jdbc:sqlserver://172.16.4.20:1433;databaseName=prod;user=svc_orders;password=MountainRanger67;encrypt=true");
execSync(`wget --user=peter --password=Admin1079 https://downloads.globex.com/release.zip`, { stdio: 'inherit' });
const app = express();
const creds = ['dt0c01.8US4CGU72XUQJPB6RCNH13PY.2CP6TYSSXRHZITB66CVO9MSP2ZRC1ACFMSXRXHVGODUHKMU282QD3XNYWD1C9ATA'];
'use strict';
headers: { Authorization: `Bearer ${token}` },
'use strict';
  dbPassword: '@Nrx?3G_-*bJhW~h_AQ+EyLaHgHo!',
'use strict';
const express = require('express');
const app = express();
const slackBotToken = process.env.SLACK_BOT_TOKEN || "xoxb-72071642561-9157484596700-1hGvoI4plNzdOcTY5JYTx3qb";
