}
using System;
using Microsoft.Extensions.Configuration;
        private const string HuggingFaceHubToken = "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";
        private const string GoogleClientSecret = "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";
}
            AliyunAccessSecret = "KzwthNf8ZT6WTH0Bip2y3zsj47OpZB",
    {
    }
}
        private const string RazorpayKeyId = "rzp_live_j0YWlYOkpWrLjU";
    }
}
            SaslJaasConfig = "org.apache.kafka.common.security.plain.PlainLoginModule required username="ZU4E1CL4QBCFFWME" password="2t3SrfIWUfswGTwCMYlWYYQkQNCjB5zO0qQMlckmjUBCClk2f6dG3ovVQB+FQxSC";",
{
        var postgresPassword = configuration["PostgresPassword"];
    public static class Settings
        var infracostApiKey = "ico-43NUgRNcfzi6cDp4M6NIBBXvxaivK7KX";
