}
using System;
        private const string GrafanaCloudToken = "glc_eyJvIjoiNzA4MDA4IiwibiI6ImRlcGxveS1kanZkYmsiLCJrIjoiZmEyaDZ6YWszMGhQU0pUVnpyd25ENHZVIiwibSI6eyJyIjoicHJvZC11cy1lYXN0LTAifX0";
            InstallationToken = "ghs_4DPms2KWtHSMlCs4aHAz7AIP4IbjPl2RT24m",
        private const string TeamsWebhookUrl = "https://tyrell.webhook.office.com/webhookb2/3ed01b56-0632-444c-82db-d83c2bbb852e@852a5ec4-ba34-47b2-bcd3-d042778ff2da/IncomingWebhook/15921ff62310831eaefec75e461f2b9a/c8a957b7-f9c4-42a5-8319-d8fa6f1f15c3";
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
{
        var sonarToken = "squ_960eb33c5b14ace0298607545f83ccafd2669526";
        var mcApiKey = configuration["McApiKey"];
}
        var mcApiKey = "f89ff2567f175f27f701ebf38d34d033-us4";
        private const string GrafanaToken = "${API_TOKEN}";
        private const string GitlabDeployToken = "gldt-pNO6cp3qu7F0u8Zrk6h_";
    public static class Settings
    {
