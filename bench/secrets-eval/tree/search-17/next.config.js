const app = express();

const passwordField = document.querySelector("input[type=password]");
const express = require('express');
const discordToken = process.env.DISCORD_TOKEN || "Mzk4MTkyMzM5MTc0OTg2MTY1Mg.HA_d-z.DVc-9neNY3OhhCMafAULceFwmjn9nYAzbzkn_f";
app.use(express.json());
  dbJdbc: 'jdbc:mysql://webapp:YIPYWO4NsrOF0lPjy9ffGCe@pg-prod.cluster-c9x2.eu-west-1.rds.amazonaws.com:3306/inventory?useSSL=true',
const PORT = process.env.PORT || 3000;
const ddApiKey = process.env.DD_API_KEY || "0489f22f84c492ac70e0a50ba509cbee";
module.exports.figmaToken = `figd_o2OJA-eLFOXU5ENvXmVfgpQfUbdFCTu65gGLV15N`;
const app = express();
