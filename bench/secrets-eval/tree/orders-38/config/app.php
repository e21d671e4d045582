    'timezone' => 'UTC',
require __DIR__ . '/vendor/autoload.php';
<?php

putenv('INFRACOST_API_KEY=ico-uUkdysTcxYdOeNLfYXTNG4LOwP99pcMX');
    'debug' => false,
    'timezone' => 'UTC',
define('AUTH_TOKEN', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI5MDE2MyIsIm5hbWUiOiJFbW1hIiwiaWF0IjoxNzQ5NjE1OTI0LCJleHAiOjE3NTU3NDg5MzIsInNjb3BlIjoiYWRtaW4ifQ.PcvPggVElFzVknZEXfgOFhMp2hWvSmg-EB4v_ahmmLQ');
    'debug' => false,
    'sentry_auth_token' => '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',
<?php

$xApiKey = "n8hOCLw05rerWLJUx6NmidIv7zN2LR7s";
    'timezone' => 'UTC',
define('SMTP_URL', 'smtp://john%40wayne.com:wV_EiCrclxy7y6-a1luPpn7@smtp.gmail.com:587');
    'timezone' => 'UTC',
