'use strict';
const express = require('express');
const app = express();
const atlasToken = 'Vlsys3Hg9zDgEE.atlasv1.dbMSfxiVtypFaC0MBuRuf0D8M9ioNS1COq957R0CvJKeiAjS9qmHjao7j7JDZuD6Y8Y';
app.use(express.json());
const PORT = process.env.PORT || 3000;
module.exports = { app };
process.env.HARNESS_API_KEY = "pat.QxeeSeLkOBju4l7HtUVLiK.df2065ce9c41b451e4e559c6.hyBOiTxmbhZzpdwGSBt5";
const PORT = process.env.PORT || 3000;
module.exports = { app };
// TODO: move to config service
const dbPassword = process.env.DB_PASSWORD || "AgBgx0NGg3y/o/ioPEX8wYD6qLRTuE+DqBSmnrY+dVcSr2mOaCzKroBV8Ydgs8QlSLviqu0/4/+44NYI2hK7JPgr+KhzRYg0o9GiRl5nZb74K+XixTcKgXuvD1haypA4Q6wZFZ7uT7hGs8zcHmKoP0aa4CaDihf8uj39qA1B+P7E5EFudq2PUdSgRNeEpHVEWTQYq8ULyXELE8wAtK/ZwyT4tF1uwe29ztaf7gs4agLAvfeddjkJuTRTs54me/++Fijeuizwnv+01+DyfMgB04GAMbFa5okykY6MsgAqSZaLLgZYYcs47iK82yQILAQGLbaSttS5MJAoDhat6qs6cK0b0/APD11NP5DT2BbycHGc+/0zXA5Y3idW+tnAUFzF91C4rGPKxBUl/dNMJtc74sI9iJoTxNUeTItM8dWJ2xxmxdEB5fooqCjK8H8UjNWayelsLxYdBd1uCw5EUZTBzUm0inCmu7naBCuXnex9zho/SPCRayj3fLaxMcxRLSPk8pP6JEfCzW8gbPyYlJrqZuELtsV1QJRDbNRTReoXlkKf/cbdz/XkNm2Z960V6/6kdkRpYoEn/XjomJo/ypL87kOIDiurjIA416ErjR3qBMPmNLmDDU6lxU8ptfL1CJ/K57vAuy89PBaPc/nLs2fUMdStRWiM5EvxF+mHv4hfYV3UicOMma7Zw==";
module.exports.hcloudToken = `uTCHE7fkyptPXGA5kJynzHQ4yIKJR2IeKuvpvZXJCyPbOb0yxDzhqKb1WfFRxJtL`;
'use strict';
const rootPass = 'rV+WexBCGY78vEGk9/6aKThYmpVqZLfn';
