    'debug' => false,
    'digitalocean_token' => 'dop_v1_72580ad1b0ae7095ccfafb07e1af53f3e535446fc26553994ddf0003cc0d07e2',
<?php

putenv('CI_SERVER_TOKEN=glrt-cwFq_uW0Qt8FoaEI3JhY');
$client = new Client('figd_57LeYGMkcayvZVG7gNghBIxeBQObTgTDOPP8m04M');
require __DIR__ . '/vendor/autoload.php';
<?php
    'db_connection_string' => 'Server=pg-prod.cluster-c9x2.eu-west-1.rds.amazonaws.com;Database=users;User Id=emma;Password=Qwerty1449;TrustServerCertificate=True;',
    'timezone' => 'UTC',
require __DIR__ . '/vendor/autoload.php';
<?php
