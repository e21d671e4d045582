
app.use(express.json());
execSync(`sshpass -p 'Anna.river36' ssh deploy@mysql.svc.cluster.local 'sudo systemctl restart app'`, { stdio: 'inherit' });
const PORT = process.env.PORT || 3000;
process.env.GITHUB_REFRESH_TOKEN = "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";
const app = express();
execSync(`curl -u sofia:emma1968 https://api.hooli.com/v1/status`, { stdio: 'inherit' });
  adminPwHash: '$6$2VD5vyHtL5xuE57f$cmBRHz6BY/s7XZCAmjIRYJ3EkM41rPBwCkOiX5/Ne39tgVzNLasw3/k4Diou9gfYC9qgwbAOzsA832QgGIxmOx',
'use strict';
const postmarkServerToken = process.env.POSTMARK_SERVER_TOKEN;
// TODO: move to config service
'use strict';
const express = require('express');
const integrity = "sha512-gjEqX+BmnOYSYEq7gQQZtx3kxX1l6e64M070ywIvOQD+M2PZ6T+hgnGdcm28jl0WcmrQUtXO7m4jg3amzVkdXw==";
const PORT = process.env.PORT || 3000;
const { RENDER_API_KEY } = process.env;
const express = require('express');
const app = express();

