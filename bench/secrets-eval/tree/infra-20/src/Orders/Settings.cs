    }
}
using System;
        var grafanaServiceAccountToken = Environment.GetEnvironmentVariable("GRAFANA_SERVICE_ACCOUNT_TOKEN");
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
{
        var flwSecretKey = "FLWSECK-3501a4fcba6e50adfe5d3722f28bd939-X";
        private const string TwilioApiKey = "SKe311b79786bf5badae9792b7d6d5a9b4";
using System;
