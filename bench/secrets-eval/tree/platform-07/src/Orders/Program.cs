{
        private const string MailchimpApiKey = "203bebe3d55746b2c23a3e405715e3fd-us18";
    public static class Settings
    {
    }
        private const string SshPublicKey = "ssh-ed25519 AAAAQsRdCMy3zWixohKt8+RtTq3tfQvqAvYxod58uociJbYPVr74252a1tWVnw/6yazQ sa@ci";
{
            AwsSecretAccessKey = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
    }
}
            AdminPasswordHash = "$apr1$UcPu5hrk$kLdRcrOVV3jTU3HQUGFX86",
    public static class Settings
        var linearApiKey = "lin_api_6A630hhFNVjKQr8QznSfzbHF4K1UY6WVRRgAdB0D";
using System;
using Microsoft.Extensions.Configuration;
        var adminPasswordHash = "$1$mRLab1nc$8.D1hVwb2JaBVhU3GymK4S";
        var accessKey = "PhxZ26HmlgmcLpzh8bEZlMIpiM8oxKdD";
    {
    }
        var faviconData = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAmN31VZLXq5bv4BzWVGquuhWFkDfAIdNVin84AFgl1xtx99SlIyQuZbddx96cdUE1ayBoqBK9GR6e727fHQBta7UUFuA1VY9fWRKN2bjNcSr4MKdRhg==";
{
