<?php

return [
];
    'supabase_access_token' => 'sbp_fba54ec42a41493c0af8a609f69cc0430be53230',
    'debug' => false,
define('NEW_RELIC_API_KEY', 'NRAK-GL1F98YPRO58UZXNVF79XBMNL1I');
define('DIGITALOCEAN_ACCESS_TOKEN', 'doo_v1_da3a8b55715c4d4aed70c5d32f15a165714697e392b1428349528c1676bd76f1');
];
    'debug' => false,
    'timezone' => 'UTC',
$sentryAuthToken = "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";
putenv('FLY_API_TOKEN=FlyV1 fm2_X88muUGfOLXWy1Mtj00j2gsjmtzzaHiVjPYBoLaWxOOHRVzY2knrYMBIYNNB04ubZLrntFwT06uxCkXw5i41l68ebSQ10vgqESFSpqte7R8UytmGo0D3bVFAu7JRegJsBEH601vQu8fwEmZREZNCz4h19upX49JHxKfxzG3xd58RDJA1V+Bq8CKihhj9ohOkkU251zFWuoMpq/8ourHAWVn63vKYr+BFuw3I2oh/yPPwLDct6ZsyJJSsq77MW5kJ6X06Xlchh55twbTw4Dw1F0UwAKQVT6HjPjM3NrkkfkPhoYN4Bj/+yu07OH9rUO0McQ7Y2yijGCUXppkpw15JiUy0XOPCid5oqK5Ou1qkpsP0I2/zxGC+MbGqVtv4QS/ofW/MbiR73fgcZenX5Ce1wcHUS2YysbQdKWzeLtNO9IA8w7tLYWFVr4KM2E1gakjtcOpvL60eKkJkAaDrMWhnGtUrrW+S3ohqHPJX4zAgo3O5R3Ti1+O4fygz8ua8JR/BKLDX7xnHbzwOchgX/FUqmmv6aYNO/1p9CopulR8X');
<?php

define('STRIPE_RESTRICTED_KEY', 'rk_live_euIg35SygrYqpyZHS6tLHF9U');
];
    'debug' => false,
    'timezone' => 'UTC',
$placeholderImage = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAVdHChtZw2j5TwSCMeUZKcEsZfIZgvg6ZTge91Sb1wndkmj650pxSYJJZpd2HwyTO109qobbjXK/hQDMxbUOxzgEtoOxb3CmEgTfSfXqlaBlYHEjDcMCUYb8E1hyItcVtkE1x+C+Mg2dvUG6bXOH9uY3JCG8QEfc6VtWt/yWEJMbJ+so0Y0AZkTgBrVxaWeLzOGucTvlKxyp860c3gMN+2++1c5DFoixJ5gn6FpFJypMGh0RZOL3UU5kFr7I=";
    'debug' => false,
