return [
];
    'debug' => false,
    'timezone' => 'UTC',
define('GO_SUM', '6.4.2+1970d6f');
$client = new Client('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');
<?php
$client = new Client('sqa_2d9d00d88c8a8736da4793d6f41f8d1a21b9d13a');
];
    'checksum' => '4.20.9+6525c8c',
<?php

putenv('COVERAGE_BADGE=https://codecov.io/gh/wayne/api/branch/main/graph/badge.svg?token=IZ5BIE1DA1');
    'timezone' => 'UTC',
define('PREFECT_API_KEY', 'pnu_IkKNAJrPOViZcSYarWMMxkfgBzBvisPpdqK2');
require __DIR__ . '/vendor/autoload.php';
