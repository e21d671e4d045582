namespace Acme.Orders
{
        private const string SentryAuthToken = "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";
namespace Acme.Orders
{
            EncryptionKey = "mhjWydgwo+GAKRsCNhre2v+TI+YB4A1VlZiyK1Q1LOU=",
namespace Acme.Orders
        var squareAppSecret = "sq0csp-5YSGQZfJllfzDrzdlcwpFJSDDT0PJ97VVB2H-CWQjEJ";
    {
    }
}
            ArmClientSecret = "Bua6Q~TUfxa.b2Ye3BIs6-da6zp2uii_O0v3JMHC",
using System;
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
        var tailscaleAuthkey = Environment.GetEnvironmentVariable("TAILSCALE_AUTHKEY");
    }
            AnthropicAdminKey = "sk-ant-admin01-m3docZezUxB1dp__-xqeWcnPss5sMx-50146I5wCqC_PNZVfrC8308s3eEyMIkLzC97nfFGysk-VEwY6FzazpFw_jVVE_AA",
