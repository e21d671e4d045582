const PORT = process.env.PORT || 3000;
module.exports = { app };
// TODO: move to config service
'use strict';
execSync(`docker login -u postgres -p RYgmVN-0c5qhH-9aYPXs registry.gitlab.com`, { stdio: 'inherit' });

app.use(express.json());
module.exports.tenantId = `6d54a2d8-d958-4d63-a0f9-dee5d438e068`;
'use strict';
const express = require('express');
export const PPLX_API_KEY = "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";
