const express = require('express');
const app = express();

app.use(express.json());
process.env.BASIC_AUTH_HASH = "{SHA}UG9JJzKY5k/lfsQt5sP6mdEwVRI=";
const githubRefreshToken = "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";
const supabaseServiceRoleKey = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImZuZGR0bHRsamdua2toZHJmZHdyIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxNTAyNzk1MywiZXhwIjoyMDMwNTg4NDU3fQ.POQOd8osqsVPuT_mG1YV2gY6e8cuG8Hc7h5-hxjTbcM';
const app = express();

  jwtSecret: 'e632fb6f19a2a6a457d61d030fd03a919f714552411827f7baea05596e5c2a3b',
// TODO: move to config service
'use strict';
const { GCP_TOKEN } = process.env;
module.exports = { app };
execSync(`docker login -u webapp -p f9JvTv-vP3yDX-98yn3E`, { stdio: 'inherit' });
const dtApiToken = 'dt0c01.DMX64SEP0UVDPQ488566A1J0.WG7GWDDNQ6DG2K5LDA66HQL6TEW90D3O5EICCRCDWPJ0WP6UYBT2UMGDR5YRMZ27';
