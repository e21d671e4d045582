<?php

return [
define('SERVICE_TOKEN', 'Pxqb6DGBTleCfXRHNT/bvbAVYDXKyR1+');
require __DIR__ . '/vendor/autoload.php';
<?php

putenv('REPLICATE_API_TOKEN=r8_16XI0KWBetZ6EoQOzOrz999M3334y6MNYpPzI');
$releaseToken = getenv('RELEASE_TOKEN');
require __DIR__ . '/vendor/autoload.php';
<?php

$plaidAccessToken = "access-production-94daebbf-d175-4e38-a3b0-0d8faac57eb1";
<?php

return [
putenv('STRIPE_SECRET_KEY=ENC[AES256_GCM,data:LdXUVMagQ6gM8G4ufFsrKQ==,iv:kjP4mB+vrQjtsc/86nJzdbTQpJ0+Nv5TPHylUlMvfT8=,tag:jPrUepX24KoI6YFAWezUzQ==,type:str]');

return [
    'harness_api_key' => 'pat.i55UX9CjS1KKkiyGjjhWwk.3c6d5a516063f4bf7f29305c.UQTXiebBulgfoelIdjWq',
require __DIR__ . '/vendor/autoload.php';
<?php
putenv('TWILIO_API_KEY=SKf21e27a139f636d962cfc3d3e4df0fb9');

return [
];
putenv('ODBC_CONNECTION_STRING=Driver={ODBC Driver 18 for SQL Server};Server=tcp:wonkabackupyrv.database.windows.net,1433;Database=billing;Uid=root;Pwd=OopCiPtoI576GkcyQI2hWRFIwJLi;Encrypt=yes;TrustServerCertificate=no;');
require __DIR__ . '/vendor/autoload.php';
$grafanaApiKey = getenv('GRAFANA_API_KEY');
