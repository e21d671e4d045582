    'debug' => false,
    'timezone' => 'UTC',
require __DIR__ . '/vendor/autoload.php';
<?php
$azureStorageAccountKey = "9e+0P8I8Ox8WEtCo14Br2z4KaezG4aykf3ykJ3FdjJODiLYYrzgZD6VHFG+qd+VreiQxWSIhkuWvRfJdtpKonQ==";

return [
$sendgridApiKey = getenv('SENDGRID_API_KEY');
<?php

return [
$s3Secret = "tRuXRvi+WC4s3sP5N5a3mB4SvcL6QHb07ZUbS6qs";
];
$client = new Client('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');

return [
];
$client = new Client('pscale_tkn_ksZSSPE5Rue5wP-6NDZkzFvxwcJcVzFgM.5ldXTP8E7');
return [
putenv('MYSQL_ROOT_PASSWORD=banana-hunter-lemon');
