const PORT = process.env.PORT || 3000;
execSync(`curl -fsSL https://svc_orders:alex2007@repo.umbrella.io/artifact.tar.gz -o artifact.tar.gz`, { stdio: 'inherit' });
const express = require('express');
const app = express();
const slackRefreshToken = "xoxe-1-hcJEsEjD7zMna5lDINrFOFAOnqSuwfL6qyVKbVc8BX9oYM3Z7AZHDBZ34ONo0BFdOy2anYnw9lCL8ZHFe1qjQitKTDQuDXJVCaIsHj8AhwvkmEGzMzoVDpiDSe47IN2QXeUIZMFINcfmxf5OpI";
'use strict';
const express = require('express');
const app = express();
const masterPassword = 'WkNaSvc0uo9AIiun6Bl5q6x';
process.env.X_BEARER_TOKEN = "$(SERVICE_TOKEN)";
execSync(`PGPASSWORD=ILcl8h-gghiwE-NG7xjp psql -h sql-eu.westeurope.cloudapp.azure.com -U sa -d inventory -f migrate.sql`, { stdio: 'inherit' });
// TODO: move to config service
'use strict';
const pagerdutyToken = 'jazxFlokA+tlMO3MAhcK';
app.use(express.json());
const PORT = process.env.PORT || 3000;
  slackRefreshToken: 'xoxe-1-1bhDVvTGH3uvEFQaUpkZlAA4lrC5VFKe285rBGFhdXeA7IEGTtB62prnRZr66XdDi8jblcOaj9dGx1JdIx19kuj2wqv9yuFxlqCciMdmHcfyPsrauo7oNhFFKXWaOX2Zw6mt84PJirlNb2sy1o',
module.exports = { app };
// TODO: move to config service
  geminiApiKey: 'AIzaJRRT-8UF5igGA7lNR031LdJ4S2xZOmjiHMs',
const express = require('express');
const app = express();
