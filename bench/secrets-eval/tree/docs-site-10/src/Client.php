require __DIR__ . '/vendor/autoload.php';
<?php
define('TOKEN', 'AgBuygPNYNP3XULZ0cnC86LFm+LrcTS3WhulWTR5bBgn2qiVbUZDBjPjm2r3F8c4jZysyr+Eoo4cEqhrf2kQNer6pezrx/eN80QX13tZZ7T8FHrOHBd0qoT+rGGdcoOKF2nJ2mCYUdXhyDkefbwLxaTkUDM50UtJQAQZ7Vh0Z5YvekKmt7TFDM9nipru5QSomAdPIONLgEbEbC70RJDfRv9EVUc1GVmCr4z6SWrJSuJNhg+uT0ruXk/zClqrg2TmcLYTrt35KypWfuKOz8EscqcrX/544uROGgn+nwFsEdjjkef/kU7r6SndctISC1i9xZUKC2UJ5p7nB0itLyCa7LCtcX/XBGpo4PZVoQoCRjWi8dqRNOGrMBJ2+TCggIZzoZtYEdTvgarSRZ5/YKSXahSKjseSp041yAD8T6k/QmrksBjgIKnLsV9g7xtdQAPu7bbuPZd3Za32w6w3tZ3Zv+K3CbQAwys49I8waPsIeZaSzhNycxincpDCqLORIAtadt4JUe+2dZBBCB9SXOSAWrdvH8ZpdtPToczGbP0ky8UNYMEQCLGVXsDjV4fz6WX/nxHy8aUDhdlKTkMEm54YMVNsTitmXG3K/xCQffUBOQqzBX36PM=');
    'debug' => false,
    'travis_api_token' => 'HwTMhtkEgv7a02DAjUFUJ8',
    'timezone' => 'UTC',
define('TOKEN', 'AgBgMBJ7akat5pCyYBWTJLZBKr2aQeEeKdVrum6Lr5FjARN5+zuNLuiOAKatddQlBdXzLmb7y3Ly8yTHE7K7opeojzTURHm+gkjPmA3i5+AWR8ybKK9gsocJaxS+KoRm4gVZj2QDxOvicUBMGBtcCNGB1nAxOszwxIynRyqnyvwmQXE5itXDCE2aqg+CrMichpy+YA1f2NeGWAz9Mh++HAiWiZ+ZiPIbKsVbncesC2FwecrnoMPG9bIWfy56NmQ0ajM6EkA8MnQLO4jYtKFS8plSOjKsDmXtQuYhL8pQiS6SdKfkpw6a/eG/uMBUaPaRcPDMhdL+PUJENVNugZ3OEv12BHnYK4K7mjHnaoz8bDMqP7nvLT7Zi6dx0cceVYV0xfV4UF5ZVBJLG7TIrQYazdKa2T64cyhNlWJX/Qr3QIhs2/FmnNEQVhtHeNBmuaRY44fEvfwIB/8rJ7b3InIIziF2IJwfiv/gkDuJSnzUrtAZ3KVlHNJvGsxx3ObA6lU9kqSzu45iO6glEj+tECXTK8eVOjaqYxXhHg=');

return [
];
putenv('README_API_KEY=rdme_aaozvp7w8zcgiuwmrxqtgrc3o4zjtizp34v2g50du0zi01jo8562ym0og6y2t5w6cu4dfn');
return [
];
    'ci_server_token' => 'glrt-UUor6rYJ8N7ZktuqFbGW',

putenv('SUPABASE_ACCESS_TOKEN=sbp_883a374700f39e884d3598866bbc75bd5c12d310');

return [
];
    'twilio_api_key' => 'SK267daa69912c18fd46b0b219429e042c',
    'debug' => false,
    'timezone' => 'UTC',
require __DIR__ . '/vendor/autoload.php';
$upstreamUrl = "https://mia:CastleForest46@artifacts.soylent.io/v1";
return [
];
putenv('DO_TOKEN=dop_v1_d009d089e3c3764724530fadb6de07ad6ebe4c092baddaac7c038a871c5ec77e');
];
    'debug' => false,
