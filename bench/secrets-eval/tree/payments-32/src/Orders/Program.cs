using Microsoft.Extensions.Configuration;
namespace Acme.Orders
{
    public static class Settings
        private const string CacheKey = "build-20231013-5796988";
    {
        var client = new ApiClient("hvb.1N1D0wMd9PT5R1q1Y5av6QhRJ57cy_P9y7N1ryVMfIyZks88LGI--KbOePtPd59N4QLZz_HBhG3aYpT12C4ZjmJ5d_GluRmF_NTdiv-2nln1QWQImTrun4rhniYbGJeazW6QSRNuPh5d");
}
using System;
            BuildId = "main.c5f5a770.js",
    {
    }
        private const string AlertWebhook = "https://hooks.slack.com/services/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";
        var groqApiKey = "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";
    {
    }
        private const string RailsMasterKey = "08a82f4bd8f091292ff8743cbc7cd4d4";
}
        var client = new ApiClient("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");
{
            RootHash = "$5$yGZLAec1NXQpsi0/$PYz5H/3B2CvcYit4P3tBslmaqRTWy9IwSqYw1O8OKpN",
        private const string Integrity = "sha512-zXsxjIMBW2E4IHUHFCafUth3YYmzHJdFIrLhHt1ivRCRVGJV+BZZFoM/1CUtb4GnBcTrFDaVBvdrCy8XRIKg0A==";
