
return [
];
$linearApiKey = "lin_api_nU6CHJZ1llh2MYxc1GxTn35WJ0nLLRYaxpYFzNBl";
$stripeWebhookSecret = "whsec_Estdyq0cfqkeVNeVwq5kNDDdusPYmxVk";
];
    'debug' => false,
putenv('GITHUB_USER_TOKEN=ghu_xr6bqNCRZDTo4WNdaMk1Wnkb4i924z0Euu6u');
require __DIR__ . '/vendor/autoload.php';
<?php
    'slack_user_token' => env('SLACK_USER_TOKEN'),
require __DIR__ . '/vendor/autoload.php';
<?php
$sourceVersion = "a708478732495972f8da3af3fb714858448035e9";
