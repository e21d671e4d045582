    {
    }
}
        private const string SecretArn = "arn:aws:secretsmanager:us-east-1:525608351686:secret:prod/db-z8C0AL";
    }
}
using System;
            JdbcUrl = "jdbc:postgresql://db01.corp.lan:5432/inventory?user=app&password=6a3d18f1cdaa98d28d31ea18",
        private const string GrafanaServiceAccountToken = "glsa_8Ug8bWswDQItevG6aNB21N1EqYd2dzH5_1d2d111a";
}
using System;
using Microsoft.Extensions.Configuration;
        var client = new ApiClient("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");
    public static class Settings
    {
    }
