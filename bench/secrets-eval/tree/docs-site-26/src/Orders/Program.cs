    }
        private const string NgrokAuthtoken = "2s3kPcLnUT5gNqeUHvDzcjCRyCj_NxqZ1NA4NIq8U3KCTQgK2";
    public static class Settings
            RazorpayKeyId = "rzp_live_6XWTG1SV5jMQX9",
    {
    }
        var client = new ApiClient("AGE-SECRET-KEY-1SMDYQ63RE6MACQTDG0F0CJQ275JUTTMZL895RCTRC7GEQS50TQ2F4UQRLU");
    public static class Settings
            SubscriptionId = "37cc2c8c-d565-4518-81e7-9e793e54e5f6",
        private const string Auth0ClientSecret = "Pg48JIRbOT6yL80YEs626C0dq7xee23LGMSVvx9SfS4jkXUEwbNVBd1oiCmpgqHA";
        var supabaseServiceRoleKey = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImF6cm90dmV2cXNieWVrd3B0d2drIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTczNDY2OTA0NiwiZXhwIjoyMDQwMDA0OTkwfQ.55N-4L8MOzCCKiCsw3kEyKZjaN4c5tcR5m2FxQYOqjI";
    }
}
        var client = new ApiClient("bkua_1cfe62ad0d7680b74a6da1720b00c918dee30f4a");
        var hfToken = Environment.GetEnvironmentVariable("HF_TOKEN");
}
using System;
        private const string FtpUrl = "ftp://reporting:peppercopper2070@files.umbrella.com/incoming";
using System;
using Microsoft.Extensions.Configuration;
