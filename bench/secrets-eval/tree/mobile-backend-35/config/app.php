
return [
];
define('TRAVIS_API_TOKEN', 'OZrHd77uSha73AgCc3aRXI');

return [
];
putenv('TRACE_ID=a130db1d0a792ca2');
define('MISTRAL_API_KEY', 'BTN0Kh5TGyEfPEtpypvkdVnBZyQ0wsDG');
    'debug' => false,
