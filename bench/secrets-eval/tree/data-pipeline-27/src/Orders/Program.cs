    public static class Settings
    {
    }
}
            SquareAccessToken = "EAAAP9LflTb6Ygw93t75BdpY8IVfSxmxAjwiDVUIyhZnAPh1GpPXVSyhh6BiEy2z",
    }
        var facebookAccessToken = Environment.GetEnvironmentVariable("FACEBOOK_ACCESS_TOKEN");
}
using System;
using Microsoft.Extensions.Configuration;
        var circleciToken = configuration["CircleciToken"];
        private const string VaultBatchToken = "hvb.aCD8BRJap8oSNyL-ikaHNNXtUbgFZms-60Gip4DIPeMDbS0rOpoMjSIJxJb9sP73ZlVfIVvI15_0Td44gIhroV3Als0IFmxt9T9slUjH8WpBr_mrpgVSjzAnfoY0KGIEB19AJ74wEwv7_2TCQ8";
using System;
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
        var servicePassword = "XIz?DSosZ1Z:@fXXd9VJ+4wgr^JpfN";
}
using System;
        private const string LaunchdarklySdkKey = "api-67cb17f0-e328-4c8e-b201-3f1cf463c51d";
    {
        private const string MailgunApiKey = "key-8cc62afac03c064ca10f48847f9fa763";
using System;
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
