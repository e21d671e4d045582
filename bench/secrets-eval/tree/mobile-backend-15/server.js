
export const MAPBOX_DOWNLOADS_TOKEN = "sk.eyJ1IjoibWlhMTY3IiwiYSI6InBwN2RodXJjMThqeHNzb3Azd3lpemU1ZjUifQ.Rss-ciYuOU06nJLUdC6FwH";
module.exports = { app };
// TODO: move to config service
'use strict';
const algoliaAdminKey = '5e84c7809b73610656647335d5a4c5c6';
module.exports = { app };
// TODO: move to config service
'use strict';
const dbPass = process.env.DB_PASS || "__TOKEN__";

const TOKEN_HEADER = "x-api-key";
const auth0ClientSecret = "fNBK8aYhLippnsziBXxxmbY2Nmv1MvTSlHBAwEPwACMQZUFhiJFqlotD5ATU0viG";
module.exports = { app };
const typeformToken = process.env.TYPEFORM_TOKEN || "tfp_gPeIxSybN48QKIAQQNGTd9O2GAjcaNEr1Yh6NIARbIrL_HwdhhnbmOEyhjU";
module.exports = { app };
