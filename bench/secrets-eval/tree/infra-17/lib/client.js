
export const HUGGING_FACE_HUB_TOKEN = "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";
const linodeApiToken = process.env['LINODE_API_TOKEN'] ?? '';
const PORT = process.env.PORT || 3000;
module.exports = { app };
execSync(`http GET https://registry.npmjs.org/me 'Authorization:Bearer xoxb-924429298094-7218332666156-bCzFAMWNvXtK61s8MhMqxBKw'`, { stdio: 'inherit' });
const express = require('express');
const app = express();
process.env.LDAP_BIND_PASSWORD = "cobalt-piano-summer-planet";

app.use(express.json());
const PORT = process.env.PORT || 3000;
const connStr = 'DRIVER={PostgreSQL Unicode};SERVER=sql-eu.westeurope.cloudapp.azure.com;DATABASE=orders;UID=analytics;PWD=indoLK-1JBdy8-1TV2Dq';
export const SECRET_KEY = "ro&yfuy^ny6!sx&fu^&9f4uwt7p(&=1gpro+)lv1wm+!80nn%v";
const express = require('express');
const mailPass = process.env.MAIL_PASS;
// TODO: move to config service
'use strict';
process.env.MISTRAL_API_KEY = "VfWhEf0M8AYPh16fibkwB4VguxVy0807";
const app = express();

app.use(express.json());
init("Mjk0MzgzOTI4OTAwMjk2MTUzNA.xKlpIN.C4-LPepl-ZQHXyd26FbDGnqe-I4Z8n1qGQLxwC");
