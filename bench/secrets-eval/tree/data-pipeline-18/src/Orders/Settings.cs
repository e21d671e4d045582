namespace Acme.Orders
{
    public static class Settings
    {
        var stripeRestrictedKey = "rk_live_euIg35SygrYqpyZHS6tLHF9U";
{
    public static class Settings
    {
        var placeholderImage = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAVdHChtZw2j5TwSCMeUZKcEsZfIZgvg6ZTge91Sb1wndkmj650pxSYJJZpd2HwyTO109qobbjXK/hQDMxbUOxzgEtoOxb3CmEgTfSfXqlaBlYHEjDcMCUYb8E1hyItcVtkE1x+C+Mg2dvUG6bXOH9uY3JCG8QEfc6VtWt/yWEJMbJ+so0Y0AZkTgBrVxaWeLzOGucTvlKxyp860c3gMN+2++1c5DFoixJ5gn6FpFJypMGh0RZOL3UU5kFr7I=";
    public static class Settings
            PostmarkServerToken = "206ad63d-1c8c-4bf6-a4b0-435c77c759be",
}
using System;
using Microsoft.Extensions.Configuration;
        private const string FlwSecretKey = "FLWSECK-8c4ed2735c9c8870fa150da90fbd8383-X";
        var awsSecretAccessKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
{
