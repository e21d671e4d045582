    'timezone' => 'UTC',
require __DIR__ . '/vendor/autoload.php';
<?php
    'ngrok_authtoken' => '2QtM5IvTIAMJRP7VLqGqDa8ygRu_nS8BxVeqYQ3ceP3D6ms5x',
    'debug' => false,
    'timezone' => 'UTC',
define('PASSWORD_HASH', 'scrypt:32768:8:1$hXPsnosItwItvgrF$76a3dfefce57bc51635cf23861a7176d6a918b50a74c2b24172e00b2bb3f7e5c9f0bb161a51044d121777c2358c22fa5b5a77aa33c990ac4f0a3e9f70ba66306');
$uploadUrl = "https://umbrellaprodzum.blob.core.windows.net/backups?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2026-08-17T09:00:00Z&st=2025-07-06T12:00:00Z&spr=https&sig=wfelc59IpJHRXwwRwWJLazTOU95XpFGy78%2B%2FN5Zy3AA%3D";
return [
];
$figmaToken = getenv('FIGMA_TOKEN');
];
$xApiKey = "T7hkP7Lvg4jeLlfFrciGwQ0M0keUHCyI";
];
putenv('TOKEN=AgBO7+KMYeHhoYMXR4tondUYHth/YvbrchmqtOuPON/Cz/F3CkHzYdipUNjUuRMTS+5zI4qqLPvRDj14mKd6RWzQuszUy2kfEfSpMdlL8AaA2BfGQpoS7xGxDDFwmFFAN4Y8Vq2GBBIu9DLyyVJ2E1FazU6UFW3bZxwlV6nISDx5UWxkcrN/GuzvYsPDZSfHBxB7q2tM6PZ7h4iGYfERd7ezMQD7WcPPr/qIsRsNOaBwc6i0N+UNOWJGwmxI8beCWwT4V9hbpbqgkDIaH+bB+Be+9ZFvFzmeNyFqjH/h4y5G4jaFQp4a4zaIio30sX2fE2UatpzrxLHkTbkWXNnTJbI7kPIRAsSKL8OaS9zndnkH9L9lRn8/rTIsngmh8uCdVvvEyOMBAFi5EUbHaQKq8yW12AERQY7zMaReZa1O9qVWy8qW4dTsfJv1lSsBEHUNfKa8uQVJ0Bz2fD34Gl1O3jhuyCyxpJJl28oq1JoSb0oi68ie5ImHPTfbNUxNp/qI/rhZN+4QQEnTW8XP+GVFTeynojBFhkVTj1yFfiri7j47JLgE5IpQ90JSUWpITW3x+g4cE0fHJbqhl0kJL9Q6QZS/G4CLHeX7q/HnceujaDC/GvNIJxah9uFUoH2DDQphomTbaOX');
    'debug' => false,
    'timezone' => 'UTC',
require __DIR__ . '/vendor/autoload.php';
