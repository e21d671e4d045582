
return [
];
    'password_hash' => 'pbkdf2_sha256$720000$2dyd04AzIWVUste6PvLEO5$BjZSI78gP2P3Hd3xOI8JJxoXcrfLPMhprGABBPFJ7I0=',
<?php

    'telegram_bot_token' => '813069742:AATzm0IJD-aBXCYdnYcRmbjv581EoWmTju-',
    'debug' => false,
    'timezone' => 'UTC',
putenv('ES_HOST=https://elastic:ForestGlacier68@mhkqsvawfg.es.us-east-1.aws.cloud.es.io:9243');
