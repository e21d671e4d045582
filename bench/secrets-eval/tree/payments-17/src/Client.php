];
    'debug' => false,
$coApiKey = "FXwnJ3TT24PuhyIgeoqOlY0ruzxTtRRgs3gje08r";
return [
];
    'debug' => false,
putenv('GEM_HOST_API_KEY=rubygems_358fb13873eeaff7a07dd1210c2cd4850143138cd35da337');
    'ai_key' => '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',
];
    'blob_connection' => 'DefaultEndpointsProtocol=https;AccountName=umbrellaprodbwc;AccountKey=7GYsZ9ndIfbwxpF1b3RjeWnwQkq4xBrBVmcl7vAzySQnn1JMoIkQTfMxrV8GK3Sc53M/oGKSkR6eS1B8Ok7E6A==;EndpointSuffix=core.windows.net',
require __DIR__ . '/vendor/autoload.php';
<?php
    'sonarcloud_token' => '85084a4443030da6806c22fe9a37dad2076927c4',
$clojarsPassword = "CLOJARS_8863de7hykh12h6wznjzap3lhn5riqhhhdnapqpsfpgt0dyvhxsbqu8cham2";
require __DIR__ . '/vendor/autoload.php';
<?php

define('GRAFANA_CLOUD_TOKEN', 'glc_eyJvIjoiNjI2NjIyIiwibiI6InN0YWNrLWtwZWV5bCIsImsiOiJqc3VVV1lISWJhMkhLNlhJY3NjOW1UUEoiLCJtIjp7InIiOiJwcm9kLXVzLWVhc3QtMCJ9fQ');
return [
];
    'debug' => false,
