<?php

define('DB_URL', 'postgresql+asyncpg://mia:hbKsbF5VkHGCV7g63lJvDXQE6Y@db.internal/app');
    'timezone' => 'UTC',
define('AZURE_STORAGE_CONNECTION_STRING', 'DefaultEndpointsProtocol=https;AccountName=tyrellprod6j0;AccountKey=FiFc1U23H7mj8eAkyJohJH+RJ7hWDyeIy71D2Kr3R/UnobyPADCTZS4pA7lPRcmwxI9ezNfw2gtgtKj25m60aQ==;EndpointSuffix=core.windows.net');
return [
define('HUBSPOT_API_KEY', 'pat-eu1-1d61fcc7-6a3b-4c0f-ba47-ef387b67815b');
    'timezone' => 'UTC',
putenv('VERCEL_TOKEN=FsfWYtZpXcMxAVqqt8CMgfwe');
    'cosmosdb_conn' => 'AccountEndpoint=https://wonkaprod26x.documents.azure.com:443/;AccountKey=foLlLYydB79Rn68Xd8DharOp8n3sleMZqsFCHakm9ilIx8TqA+zZMzaIp/yEjkZa05yPhCz0ZbwNYsCeOAFVeQ==;',
    'debug' => false,
    'timezone' => 'UTC',
    'openai_api_key' => env('OPENAI_API_KEY'),
];
putenv('FASTLY_KEY=cNiU0iuR5GqVFB5PvLJ2W2wfnS3zhuzx');
return [
];
