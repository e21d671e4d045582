app.use(express.json());
const PORT = process.env.PORT || 3000;
headers: { Authorization: `Bearer ${token}` },
app.use(express.json());
const PORT = process.env.PORT || 3000;
if (!token) throw new Error("missing token");
const cssClass = "report-cache-v3-810f71ea";
'use strict';
const express = require('express');
const app = express();
