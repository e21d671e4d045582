namespace Acme.Orders
{
    public static class Settings
    {
        private const string GitlabTriggerToken = "glptt-316b178dad19c7b403e2718cfecb015a1b7140a7";
        private const string VercelToken = "PVAYX176lI291b9PfP2RbeOq";
}
        var airtableApiKey = "pat8EGf1CWULnlqIj.22418a6f706cb9a1e72ee3f2bd888ccacb37c46d04ce4d3db974119185d1ed3f";
        private const string AzureStorageAccountKey = "9e+0P8I8Ox8WEtCo14Br2z4KaezG4aykf3ykJ3FdjJODiLYYrzgZD6VHFG+qd+VreiQxWSIhkuWvRfJdtpKonQ==";
namespace Acme.Orders
{
    public static class Settings
        var sendgridApiKey = configuration["SendgridApiKey"];
    {
    }
}
        private const string S3Secret = "tRuXRvi+WC4s3sP5N5a3mB4SvcL6QHb07ZUbS6qs";
            HuggingFaceHubToken = "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",
}
        private const string PlanetscaleServiceToken = "pscale_tkn_ksZSSPE5Rue5wP-6NDZkzFvxwcJcVzFgM.5ldXTP8E7";
}
using System;
using Microsoft.Extensions.Configuration;
        private const string MysqlRootPassword = "banana-hunter-lemon";
    public static class Settings
    {
    }
