    {
    }
        var client = new ApiClient("https://tyrellassets4v9.blob.core.windows.net/uploads?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2026-06-14T05:00:00Z&st=2025-03-06T12:00:00Z&spr=https&sig=j4roafLfncMhajYkMIbfOiUahC3AjQMjVcFnQepOIws%3D");
}
using System;
            DbPassword = "ENC[AES256_GCM,data:16aSl6GHzubDUAIP,iv:OBu+yWC8wcOx2e36cb3dUIKQm5kfeX5WYxQEFsumA/k=,tag:3UnXt6hTk1jbFhnNqFfokQ==,type:str]",
    }
}
using System;
            Revision = "5a69f91bc770a8c0912af202610ce339bf831d12",
    public static class Settings
    {
    }
        var client = new ApiClient("pul-c20b6d5cefd3c6a9a15cee0a80143e0f5881c3f0");
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
        var alibabaCloudAccessKeySecret = "m90ZcljmmGP4fPQWYmTSZXHDWHnP6Y";
    }
        private const string SonarcloudToken = "afde2ddd61f1ad35d2e4747dcb134a3317fcbc6a";
        private const string DdAppKey = "6ed7956145b074c5e8943a5302cda2ed43afe2bd";
}
using System;
using Microsoft.Extensions.Configuration;
        var grafanaAdminPassword = Environment.GetEnvironmentVariable("GRAFANA_ADMIN_PASSWORD");
    }
}
