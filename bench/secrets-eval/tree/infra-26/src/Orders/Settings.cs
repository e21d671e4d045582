using Microsoft.Extensions.Configuration;
        private const string JenkinsApiToken = "114f550a314d4cea9c3935ad1eb00d93b3";
using System;
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
            GoogleClientId = "G-6LRST08SI8",
    public static class Settings
    {
        var cloudflareApiToken = "LWav_udsl3XgSvESNN_F5G6j5NH3JGwlJ6nbTvCb";
namespace Acme.Orders
{
    public static class Settings
        private const string DbDsn = "app:John_bishop11@tcp(db.internal:3306)/app?parseTime=true";
using Microsoft.Extensions.Configuration;
            ContentfulManagementToken = "CFPAT-XtV279B-9E9eb9iWscabrMpmKAg0krQ_C2EYxJZAW43",
}
using System;
using Microsoft.Extensions.Configuration;
        var azureStorageSasToken = "?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2025-01-16T01:00:00Z&st=2024-03-08T12:00:00Z&spr=https&sig=eJAlPtCkW0OCSX49SfDYQI6mic3Om2rE%2F1RawtaqWAg%3D";
