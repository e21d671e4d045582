// TODO: move to config service
'use strict';
const express = require('express');
headers: { Authorization: `Bearer ${token}` },
'use strict';
const express = require('express');
if (!token) throw new Error("missing token");
const PORT = process.env.PORT || 3000;
module.exports = { app };
export const SESSION_SECRET = "wLOuOitcP_CBujZiSwuxsnvr-FB9TYvQZ9J96FczCBmHjjcf";
// TODO: move to config service
process.env.SENTRY_TOKEN = "{{ db_pass }}";
// TODO: move to config service
'use strict';
const express = require('express');
export const TWILIO_API_KEY = "SKeddc45ec5881a777b39bf354aa4f497a";
