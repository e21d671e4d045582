using Microsoft.Extensions.Configuration;
namespace Acme.Orders
        private const string GoogleAccessToken = "REPLACE_ME";
    }
}
        var client = new ApiClient("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");
{
    public static class Settings
            SessionSecret = "wLOuOitcP_CBujZiSwuxsnvr-FB9TYvQZ9J96FczCBmHjjcf",
    }
        var sentryToken = "{{ db_pass }}";
}
using System;
