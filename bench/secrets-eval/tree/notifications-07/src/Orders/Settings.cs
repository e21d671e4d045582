    }
}
            CssClass = "main.96153a53.js",
    }
}
        var gcpToken = "ya29.S-pI7s9yWMBKKyj4CJkWHyyJFsLe0dSsXjfdMvOioTR5wYHJQVJqIU9zjtwXgUVZ-FKBh0L4kzXyuZM3TVANjYwSfaEQCkrtrXFcQsrokagvPF33qTTUEIDPNopnSoqSk0G8vHhcIOb7guxNiNu4Z5kFR";
using System;
using Microsoft.Extensions.Configuration;
        var cosmosConnectionString = "AccountEndpoint=https://umbrellaassetse44.documents.azure.com:443/;AccountKey=l9F6vLLO7A7gqZ7DEvQ2JygejfJaJ+7ehaP9enQg9t1I7CRxe+BJTeUqyxw41CHin3v/hhiBLjW/gSletGQtvA==;";
