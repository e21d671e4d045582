<?php

return [
];
putenv('ORACLE_JDBC_URL=jdbc:oracle:thin:billing/bCew5B8vCRuVAGBtjpXBOZH2HHe@db01.corp.lan:1521/ORCLPDB1');
<?php
$client = new Client('laura:uSSaKGM2gaJrh8oJtDLNkvJJW@tcp(orders-db.prod.acme.io:3306)/inventory?parseTime=true');
    'debug' => false,
    'timezone' => 'UTC',
require __DIR__ . '/vendor/autoload.php';
define('GITHUB_REFRESH_TOKEN', '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');
return [
];
    'debug' => false,
define('STRIPE_SECRET_KEY', 'ENC[AES256_GCM,data:1KZwWJsIiWQFvBst2v4rdM2ME56X6Yl9K+fU,iv:dJYlrkm5yWMjTpTlm+Yrm+GlPp+uLPsf8IzJwbZxqOc=,tag:vQzn93vvB50gSKlNVyJPKg==,type:str]');
$client = new Client('starkbackupe4f.redis.cache.windows.net:6380,password=mJGeveLpvH4BdDMI22hBa1jBCTNuRjij+vWzwN4P0PQ=,ssl=True,abortConnect=False');

return [
];
