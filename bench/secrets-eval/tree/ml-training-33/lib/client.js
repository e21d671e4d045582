app.use(express.json());
execSync(`PGPASSWORD=ILcl8h-gghiwE-NG7xjp psql -h sql-eu.westeurope.cloudapp.azure.com -U sa -d inventory -f migrate.sql`, { stdio: 'inherit' });
const PORT = process.env.PORT || 3000;
module.exports = { app };
module.exports.slackRefreshToken = `xoxe-1-1bhDVvTGH3uvEFQaUpkZlAA4lrC5VFKe285rBGFhdXeA7IEGTtB62prnRZr66XdDi8jblcOaj9dGx1JdIx19kuj2wqv9yuFxlqCciMdmHcfyPsrauo7oNhFFKXWaOX2Zw6mt84PJirlNb2sy1o`;
module.exports.geminiApiKey = `AIzaJRRT-8UF5igGA7lNR031LdJ4S2xZOmjiHMs`;
// TODO: move to config service
'use strict';
const express = require('express');
const ftpUrl = 'sftp://kevin:pepper-pixel-muffin-hockey@ftp.soylent.com/incoming';
'use strict';
const express = require('express');
const app = express();
const firebaseServerKey = 'AAAAhU9nk6q:APA91bgKABOa-AiGzqm2_Jh7nA2GcgwFiMxzK9PxTVXqoqywUV5sb92EJ7uxMYWmHQoUcdqFjvG2opabfqtzkWSkSSDlgHy7Bi57GGfmrvjpoxgxLyw4D2dVFQGZFNTo6IlGoWPHQ3_A';
const app = express();

app.use(express.json());
const awsAccessKeyId = 'AKIAI44QH8DHBEXAMPLE';
const codecovToken = process.env.CODECOV_TOKEN || "a3fe3528-c260-4022-8a55-977488e76889";
execSync(`wget --http-user=billing --http-password='Qga1c8kW1Shxy0Hjc3IZKlgSA' http://mysql.svc.cluster.local/backup.sql.gz`, { stdio: 'inherit' });
module.exports = { app };
const mysqlRootPassword = 'Canyon1981$';

