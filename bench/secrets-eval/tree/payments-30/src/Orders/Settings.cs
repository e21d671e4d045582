    public static class Settings
    {
            SigningKey = "e91c9f1da916094cfe35299d80a61a58",
    {
    }
        var renderApiKey = "rnd_elIi45OfkJ3R5GIifVxzxzxscaQSlfUn";
using System;
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
            CookieSecret = "c203c4cdf5bbe202b6ea051d2afa33054c184f9ee417c87174469f2a0f20d574",
using System;
            Logo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAASMKX65xxTgifIypM/MPyp/2ThITdtdKNsDu6z9Z8h1oebHXGnRuMOHiFtczJhtWY2v13J+8YIfX4m53jHvyU+bvQ+J+7JPmUg2/emQfsAfYxg+NmXzy1vdJRtT1TfJDNNzTxA/x7DhCJq4bb8YSlgfK/Sg==",
    }
}
using System;
            DbPass = "WaffleCobalt90",
}
using System;
using Microsoft.Extensions.Configuration;
        private const string PlanetscalePassword = "pscale_pw_-164.KzO1BiDugalhtK2BR5gJyVmYzCmTd-A1fVzNUi";
