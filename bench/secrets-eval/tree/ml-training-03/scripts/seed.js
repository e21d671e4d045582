
export const PASSWD = "Copper1996%";
module.exports.facebookAccessToken = `EAA6bBK49RtAhoSLic0aGj5WaGNCrTSdz0nzKYvIfWiG2MpwHrlTwYw1yYOs6F6dB3TuqDykGQrSZIgVFLalLyvAHCwaKPRgWATKx5vVz9iFIFfet3AmpBYpKj3S7BEjT4caWZ8qKbgdRbrogQYDVoRq9QRXbbZZTy2hVzranu4zWWtc3ptZvz`;
// TODO: move to config service
execSync(`wget --user=webapp --password=a44w6z22zpgj7vm https://downloads.vandelay.com/release.zip`, { stdio: 'inherit' });
module.exports = { app };
// TODO: move to config service
'use strict';
