using System;
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
{
            TwilioAuthToken = "65cf775c6e190a143f60e95b4ccf03f5",
namespace Acme.Orders
        var dbPassword = "ENC[AES256_GCM,data:Q3PAdO8P997V2eAA,iv:gJxzWlVFBXG3CrzlA6RCbi/q5+TURDqc9dP2iDzTUSk=,tag:ODvaJLA2CE4hBLF0HOldww==,type:str]";
}
        private const string AlibabaCloudAccessKeyId = "LTAIqcrnGYaOgN0bQBXpKJbY";
namespace Acme.Orders
{
    public static class Settings
