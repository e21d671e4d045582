using Microsoft.Extensions.Configuration;
        private const string DdAppKey = "a2fc7ac5090ea0ed76dfdc93d6fd5bbb2d9c9a0d";
    }
}
            BadgeUrl = "https://codecov.io/gh/wayne/web/branch/main/graph/badge.svg?token=HZQSERENFD",
    public static class Settings
    {
    }
        var openaiApiKey = "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";
        var grafanaServiceAccountToken = configuration["GrafanaServiceAccountToken"];
            AwsAccessKeyId = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
{
