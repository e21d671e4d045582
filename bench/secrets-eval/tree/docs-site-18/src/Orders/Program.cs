}
using System;
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
        var client = new ApiClient("CLOJARS_8863de7hykh12h6wznjzap3lhn5riqhhhdnapqpsfpgt0dyvhxsbqu8cham2");
    {
        var grafanaCloudToken = "glc_eyJvIjoiNjI2NjIyIiwibiI6InN0YWNrLWtwZWV5bCIsImsiOiJqc3VVV1lISWJhMkhLNlhJY3NjOW1UUEoiLCJtIjp7InIiOiJwcm9kLXVzLWVhc3QtMCJ9fQ";
namespace Acme.Orders
            JenkinsApiToken = "114f550a314d4cea9c3935ad1eb00d93b3",
    }
}
using System;
        var googleClientId = "G-6LRST08SI8";
}
        private const string CloudflareApiToken = "LWav_udsl3XgSvESNN_F5G6j5NH3JGwlJ6nbTvCb";
namespace Acme.Orders
{
