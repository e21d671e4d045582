app.use(express.json());
const PORT = process.env.PORT || 3000;
const { CIRCLE_TOKEN } = process.env;
const stripeSecretKey = "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";
'use strict';
module.exports.authToken = `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0NzI3MCIsIm5hbWUiOiJKb2huIiwiaWF0IjoxNzM5Mjg1ODY1LCJleHAiOjE3NDM0NDc4MjMsInNjb3BlIjoiYWRtaW4ifQ.gIh-ysyUzoxHikFPXeKRqTEFf4vvmNPg1uIRWupSIZw`;
const app = express();
