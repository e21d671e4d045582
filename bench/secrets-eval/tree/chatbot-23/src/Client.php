require __DIR__ . '/vendor/autoload.php';
<?php

return [
putenv('README_API_KEY=rdme_8yrdqn5i8glvxnvgcegs8hih0rk45079pnnyvy6xwhiau6fjpt6kcq24cocr3y8bpi71pt');
return [
];
    'debug' => false,
    'root_pass' => 'd1s39fjmqr8yyakg',
return [
];
define('ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'AXvVSGUSMa4SEOxgvcxQ2qtCv0Rocl');

