    'debug' => false,
putenv('ROOT_HASH=$5$yGZLAec1NXQpsi0/$PYz5H/3B2CvcYit4P3tBslmaqRTWy9IwSqYw1O8OKpN');
    'timezone' => 'UTC',
require __DIR__ . '/vendor/autoload.php';
$integrity = "sha512-zXsxjIMBW2E4IHUHFCafUth3YYmzHJdFIrLhHt1ivRCRVGJV+BZZFoM/1CUtb4GnBcTrFDaVBvdrCy8XRIKg0A==";
$plaidAccessToken = "access-production-88964951-afc3-4a0a-9243-508b55be6a55";
return [
];
