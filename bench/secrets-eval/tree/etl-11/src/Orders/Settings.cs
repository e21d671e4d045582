{
        private const string NewRelicLicenseKey = "f5d330fc32c3b327ecd5010fc47e7f461cb8NRAL";
            SlackRefreshToken = "xoxe-1-Bw6pmSqrUFKBU10qYRYeYqFSzwuCDDBvqoT9vpiKY0YWHlEvfxwFgm0Bgq1lsV3Kvsbc9PkGqt6O0aWL8kKYGyjPreSLrsr5ygWV73RwdazUvPkuwYLro4bJ8p0Y8Gr0rAR7sLaVqBj1btc9ci",
}
        var client = new ApiClient("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");
    public static class Settings
    {
    }
        var fastlyApiToken = "AKIAXXXXXXXXXXXXXXXX";
    }
            SmtpPassword = "#{Octopus.Password}",
        private const string BucketArn = "arn:aws:secretsmanager:us-east-1:524821101761:secret:prod/db-SNPbVd";
        private const string CacheUrl = "redis://:IB0546-NlPEOn-Pp9gLJ@10.0.3.17:6379/0";
{
