    {
    }
        private const string AwsSessionToken = "IQoJb3JpZ2luX2Vjr8D2ZgHPzcEyl5HHSUrf3aCfqgkV99wAHkpTUzC3NifF9iq2CMUM/BpiXaSKhZgbgi0FULmvC7Hwh+8qucS6hpx50lT9P2pIzL8egVLC9IwRMJJ2DdKQuFOxneGLUJpyP5HEL1QSSc+B9PMlsyzWRFbNIW12JPPaSjRzcumhiPx8JY4h4kLKxXr1y4NWWj7VSxheMys5bGVvS0LuMAE4fDmD5Pv4yV6NNVIKekO9gLhxxQTMMamNlxdgbOTpHMn2ONrO93pgpGCzQbNH72Oc4YfOMW+B30IEMVhMBm5aU8PNcVgKoVpuG2O+Yc6eicHkpdmTI2M9KGzMlDWYsPoOi51n1ogtJxzehIj2pHAV2X9Dccirr98tkoTk/IYcyUMw4WLEdHdG60bAOCt0OVpOWdNZdz+i2b4t764eY/H7WRnO8wbCPIsWLrQsnc6LsiM4BazJ+4DMOPT5jtDwG8Pf99UZAY557u/OHWaqOS6x";
        var client = new ApiClient("pscale_tkn_-hOzWcF5EbT9W2WmqhjrX6HnqydfqYaGAg0p0un82.e");
{
    public static class Settings
        private const string ShopifyApiSecret = "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";
namespace Acme.Orders
{
        var flyApiToken = Environment.GetEnvironmentVariable("FLY_API_TOKEN");
}
using System;
using Microsoft.Extensions.Configuration;
            Token = "AgBFtYH74MjDfs52/QmLMbH/D7ipnKfd0K9pWSprQKkR1uwrxoKHJWiP+yKGCZQO3G1/M2IneTAK6DlvOCYAf41TyY76tOGqSEN4IuW5qN53lR8VMBUxFE5f6CUfajRXahTWW+Xdti2bDAEeCRLZn0nLGczLgWXdYPHT3VulcBS8ikB9p0ZnZO7HfFimQfQb0ODeWxZvR4D+kyakDMLA9QrEDr/KME7sQBWQS9stM9kBS+AlqIlNXUps3o7j8ho8nk8VAexyQqSopqkmTuetqGWDtzRJK5sg4nz3PktdD2SoKTGhsjdmAIhdHu1YGmR9DQskEOTn6rm0y91OrMy3kjwDe3vYiRrUqzdYR4/lWASg+9XVfb7P3KYiAPytP7mlU9HiAjha1OipmRLMk9P4zkPNZBFXCOvPpl0Km5xxmE3HLKq4GouqEKIn8o3AqWcjS34GoY8h1bKFWgpFS7tTca5QVcq97mMZGXM9QeED7dNqlnt1ajtzqKFYbao/BurHvII7Zbh3soUK9D+WslPKVOvrpd50SvcXJ1mf6eWelSa",
using System;
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
            Commit = "413108a92b93f9f8687f9c514133760808888d6c",
        private const string SecretKeyBase = "3a2c9739e9dc21d5ec5dcf7d310d8633";
using System;
using Microsoft.Extensions.Configuration;
        var azureStorageKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
namespace Acme.Orders
        private const string StripeKey = "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";
    public static class Settings
    {
