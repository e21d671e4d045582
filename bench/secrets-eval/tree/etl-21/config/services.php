<?php
$ddApiKey = getenv('DD_API_KEY');
return [
define('SQL_CONNECTION', 'Server=sql-eu.westeurope.cloudapp.azure.com;Database=analytics;User Id=david;Password=TyrellWinter22;TrustServerCertificate=True;');
return [
];
    'x_api_key' => 'zMcV7ZrY_vfpvy-2y4c5WOtafK2bTXjWDvoYSLDy',
    'timezone' => 'UTC',
require __DIR__ . '/vendor/autoload.php';
<?php
    'databricks_token' => 'dapi5580c70f5fe5821baa78ce4866cf4fb3',

return [
];
$githubUserToken = getenv('GITHUB_USER_TOKEN');
    'debug' => false,
$postmarkApiToken = "1fc8ca14-f850-4813-ab61-5b951527b5c4";
<?php

putenv('TYPEFORM_TOKEN=tfp_hXd05tARZYFZ4yDLAyI66j3FmMHNWv9YTF60oDhPFe69_aEwVwEoCctASla');
