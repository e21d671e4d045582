
    'gl_token' => env('GL_TOKEN'),
define('CONTENTFUL_MANAGEMENT_TOKEN', 'CFPAT-2IAV2ugSb_DpddJpVgBO9Z3RNLvbH5bKKYsagfsLiHw');
];
    'debug' => false,
putenv('CODECOV_TOKEN=1101d44d-3e43-49b4-b160-99b6f35520cf');

$llmApiKey = "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";
