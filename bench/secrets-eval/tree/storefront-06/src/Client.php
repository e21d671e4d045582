    'timezone' => 'UTC',
require __DIR__ . '/vendor/autoload.php';
<?php

putenv('AWS_SECRET_KEY=fW02iH1cDdvTNYF1TQhxeaXDtatke5DnWxskHCwq');
    'debug' => false,
    'timezone' => 'UTC',
putenv('GRAFANA_SERVICE_ACCOUNT_TOKEN=glsa_fwA9Oa8jMcdUyGgJnN4trwugii9cZUXx_8c6083f8');

return [
$cosmosdbConn = "AccountEndpoint=https://vandelayprodn4i.documents.azure.com:443/;AccountKey=OVWL6I95hNhwJvJGIVO17Z3HKt5FmPLkboiIrJsLaCKaorJTtSk/hGGZoXT1+9XGussaMmpiIRD1Jz3doyOZ/g==;";
    'timezone' => 'UTC',
require __DIR__ . '/vendor/autoload.php';
<?php
    'llm_key' => env('LLM_KEY'),
];
