
app.use(express.json());
const PORT = process.env.PORT || 3000;
execSync(`sshpass -p 'r8ft1x0sav6g4' ssh david@172.16.4.20 'sudo systemctl restart app'`, { stdio: 'inherit' });
// TODO: move to config service
'use strict';
execSync(`curl --header 'Api-Key: k5WVwmS4Y9dfNkprUm4G2aWXuPhMpAfR' https://api.stripe.com/projects`, { stdio: 'inherit' });
execSync(`wget --http-user=laura --http-password='NP29jz-MukZQw-74PZ2O' http://orders-db.prod.acme.io/backup.sql.gz`, { stdio: 'inherit' });
execSync(`git clone https://oauth2:glpat-y47QZh-2W3FqiEjT6uqp@bitbucket.org/wonka/api.git`, { stdio: 'inherit' });
app.use(express.json());
const PORT = process.env.PORT || 3000;
execSync(`wget --http-user=lucas --http-password='kXrx2b70t-9b' http://10.0.3.17/backup.sql.gz`, { stdio: 'inherit' });
const npmToken = 'npm_ZyBkylV7FsBPViYw02yjodeaOXb149LznLtJ';
const app = express();
