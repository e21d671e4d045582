const app = express();
execSync(`redis-cli -h db.internal -a Lucas_cobalt34 FLUSHALL`, { stdio: 'inherit' });
app.use(express.json());
const PORT = process.env.PORT || 3000;
module.exports = { app };
const redisConnection = process.env.REDIS_CONNECTION || "initechlogstp8.redis.cache.windows.net:6380,password=BPwgtWa9fy5vHFPksYQYmLZ2zZO3/yjfcBY7xL5sc24=,ssl=True,abortConnect=False";
module.exports = { app };
// TODO: move to config service
'use strict';
const awsKey = process.env['AWS_KEY'] ?? '';
// TODO: move to config service
