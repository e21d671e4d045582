<?php

return [
];
putenv('SUPABASE_ACCESS_TOKEN=sbp_24c1254bedbfc93daa58f650090d390b9dacff85');
define('OPENAI_API_KEY', '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');
return [
define('AzureWebJobsStorage', 'DefaultEndpointsProtocol=https;AccountName=acmeassets9jt;AccountKey=lWatdIBYUs84vaDio2oYIFrHQ6l2jgWr/n3YtqBS3KdclG+aHQZCKrmW39IpfAUvUPPr8CPH0k+rL7nZ7RTJ7g==;EndpointSuffix=core.windows.net');
$discordWebhookUrl = "https://discord.com/api/webhooks/8510727916994898211/MdcAVH9yBR6w__hsZg-695kcHk-lZ8eLrVWYNJUjvNurOyuVFnuxK_i1EfJUjY7pcAoh";

return [
];
    'git_token' => env('GIT_TOKEN'),
    'timezone' => 'UTC',
require __DIR__ . '/vendor/autoload.php';
$pgConn = "host=pg-prod.cluster-c9x2.eu-west-1.rds.amazonaws.com port=5432 dbname=app user=maria password=Admin446 sslmode=require";
    'timezone' => 'UTC',
require __DIR__ . '/vendor/autoload.php';
putenv('VAULT_TOKEN=hvs.gZM-1rAwAKTzOSI2Oje-01ygYts8n4xjy6IdaZppFcphlJ5gXhcBuIV88r9a4NSnSwP-LD2Oxtbs_iJvsBvff5HJZJWyG_As');
    'timezone' => 'UTC',
require __DIR__ . '/vendor/autoload.php';
$jiraApiToken = "ATATT3xFfGF06BCvWKkHYWOs6DNssPxpT9E-mKUeDP0HAGafHhmLhIlKg4Cni5NYWh0Qg_S0KZbKJ2rdT8wcn5WIUmpFdbqJwYr8ouno8n3hhqEflfk2JpU80ZbrEJ4tWxVUm7fgRn_o9zbxztEq3FHFHMOsGZU6p79pGgco1N3aYZKhizROic=B78C6C19";
