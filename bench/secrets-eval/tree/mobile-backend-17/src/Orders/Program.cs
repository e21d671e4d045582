    {
    }
}
            CacheUrl = "redis://olivia:9zDWSk9mFX7YdmlAxLO9gED58q9n@redis-44379.c111.us-east-1-2.ec2.cloud.redislabs.com:39190",
}
using System;
using Microsoft.Extensions.Configuration;
        var tsAuthkey = Environment.GetEnvironmentVariable("TS_AUTHKEY");
    {
    }
            JenkinsApiToken = "119507ce59e6ef2406c8d3131b1bc86fa4",
        private const string NugetApiKey = "oy2jnenlpx8u1eeqw6dof24nb3y2k1q0vaxp2p212ero4s";
}
        var jenkinsToken = "11117875c1e221e8054de8ed7b29a7206f";
    public static class Settings
    {
    }
