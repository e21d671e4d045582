    public static class Settings
        private const string MailgunApiKey = "8f22abddf089fb3b298374c3e566156b-223a7891-ca2eafe1";
    }
            NewRelicInsertKey = "NRII-b1cwEZMcqkHJ6WLFvt1QZp_BcjS4B1jF",
}
        private const string MysqlDsn = "david:e7NyMeI3m52U0EmenYMGvsW40@tcp(db01.corp.lan:3306)/app?parseTime=true";
{
        var sonarToken = "c94503615ec797a41d440b23d33edf145642745a";
namespace Acme.Orders
{
    public static class Settings
        private const string NotionToken = "secret_oLT73R35jCCMXyJOzf0U8HwTaUuCQihPxM8CAX4dmx9";
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
{
        private const string HoneycombApiKey = "xceyu4bm4zn0t42u3qh3slhzkm25vdzd";
        var googleClientSecret = "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";
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
            SqlConnection = "Server=db01.corp.lan;Database=inventory;User Id=api;Password=summerriver106;TrustServerCertificate=True;",
    public static class Settings
    {
    }
        private const string HcloudToken = "AYFetIm8yEhnJqaGBhqF8xp7xDj0k1j2iRIfquzOfat0ZG8rnQI6fQuxj9Y5ZIBF";
}
