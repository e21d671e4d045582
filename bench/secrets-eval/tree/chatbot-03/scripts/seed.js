const app = express();

app.use(express.json());
const PORT = process.env.PORT || 3000;
const passwordField = document.querySelector("input[type=password]");
module.exports.basicAuthHash = `scrypt:32768:8:1$yILoKtmSzzecERgQ$a9a9ed9066007e882518ceccb37abb6e7378b3dcf66450150a551f0ea4ac06d263c9a296a2dd687724941cbb59e7d831bad9590493ee29178a0437046fb1b864`;
export const AZURE_TENANT_ID = "00246461-81fe-492a-bfa0-b0a0584a89dc";
app.use(express.json());
const PORT = process.env.PORT || 3000;
const { NGROK_AUTHTOKEN } = process.env;
app.use(express.json());
module.exports.jwtSecret = `dvx4F4mfFN0qu1/xhjrqa1mvWu+wqFTSiXkGEJOippw=`;
const PORT = process.env.PORT || 3000;
module.exports = { app };
