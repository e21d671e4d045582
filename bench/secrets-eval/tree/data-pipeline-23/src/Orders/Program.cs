    }
}
using System;
        private const string TwilioApiKey = "SKeddc45ec5881a777b39bf354aa4f497a";
{
    public static class Settings
        var client = new ApiClient("sk-ant-api03-NUqDBDB5ThkrdnsnIYllSiPpjB5Bkg8LUQrIWIPDSKZVfrqym0R9o9YOMgGotb9hFdkBfXEzx2TP2iaSynUMw6CH12322AA");
using System;
            MongoUri = "mongodb+srv://olivia:2a8ebc3dca93ce2a2a30a70f10cdf027@cluster0.5t8vo.mongodb.net/crm?retryWrites=true&w=majority",
namespace Acme.Orders
{
    public static class Settings
        private const string GdriveRefreshToken = "1//0-5U50iIynE_ZMGYaECKsQl1eQwr46NiZ2XXMKUZhVtsR0fB-_1K8x6bAhnyLIVFu4Q66EmAteW2_1Se9OK1_NUUCb2235uKYZOfOv";
namespace Acme.Orders
{
        var shopifyApiSecret = configuration["ShopifyApiSecret"];
namespace Acme.Orders
{
            DeployPubkey = "ssh-rsa AAAAR6jHuIb814QLaoAxnufzXdAED0BTM2YRwilYl21WhIV1HmKDUlSQkX1BlHmBZjOjWkDPpMl//LgTZoGjkCypvb1C2CsYo8u754g3OlkkvYU5ri7muV14orHLzarEvcdYNokzxdy6BjFq5JEtbgNrN/CCAe2dhWybmgeA5p2KUU1Noh4YRlry2H8kyyhlCEyNK6+tm8p6+iUZDjltjfAH9QYpy6XTcVNrSfqSRkVWpOMmRPTsknaswZSB1kh3AFOEDSoTpPbJzoA etl_user@laptop",
using Microsoft.Extensions.Configuration;
            AwsSecretKey = "JgJYxvsqoFZro+XJDNgE8IipvHUdLDtS+EyXG1vs",
{
        var honeycombWritekey = configuration["HoneycombWritekey"];
            SlackAppToken = "xapp-1-AGPU78DJBC1-7855967379367-dfd65cf2e66095fa8007b5c7de17227a35807220e01770ce597cfb148517f88b",
using System;
