    public static class Settings
    {
    }
        private const string TwilioAuthToken = "fa16bad27f6f3e229ea4563b922d53cd";
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
            AlgoliaApiKey = "6218bf9b02d52fcc4eeab279c6a2cd1a",
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
        var bundleRubygemsPkgGithubCom = "{{ vault_db_password }}";
    }
}
using System;
            SourceVersion = "ffde343fac90f1df76d3cbf811cb7acf7301edb6",
    }
        private const string CoApiKey = "t8YPbozm4ra4IHO684gvyIRigY1PZPyaMVr6lEAi";
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
            ConnStr = "DRIVER={PostgreSQL Unicode};SERVER=orders-db.prod.acme.io;DATABASE=analytics;UID=sarah;PWD=9KRj1RPDXalZ8vbmuKh6aK9GgJ9oF9J64AATcPFbU",
{
    public static class Settings
    {
        var xBearerToken = "AAAAAAAAAAAAAAAAAAAAAqgub19JKXqMMhSatSj0Vw9S7x%3Dv8b8AxN8eFUkrEB2fvSQChazCNIZRYDVSU3T6qFP4bWv1dgx8K";
    }
}
using System;
            Logo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAs6YJHz/i7wYjhtjOTC3N/YEswhJ2RZ15ZwTZ5VYN4782lK7A/dAAl4wfI9zSMonFvxBUTUV3QlyM7UcA2/YGeWsoj/KOSP4cvWAhB3FYUVfgKE0=",
    public static class Settings
    {
    }
        var linodeToken = "c7e181e7cde7f8e4d421f69ca56e2197020a554e6b5d5c525a4bcb4ab7c669d6";
