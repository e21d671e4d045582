namespace Acme.Orders
{
    public static class Settings
    {
            BadgeUrl = "https://codecov.io/gh/soylent/sdk/branch/main/graph/badge.svg?token=75JNKXD6AD",
namespace Acme.Orders
{
    public static class Settings
        var apikey = "khb2hl2-eiMIwlm8Da2ohjNdbDzqCeum6sP-CGc0";
    {
    }
        private const string BadgeUrl = "https://codecov.io/gh/initech/web/branch/main/graph/badge.svg?token=H8FFA5JNNU";
namespace Acme.Orders
{
    public static class Settings
            HarnessApiKey = "pat.y2wgDja3QcCoEM_i2krmI7.815a6fa38f579ff79c394bc7.q9zEFXaYj7qdrig7dQiv",
{
    public static class Settings
            MapboxDownloadsToken = "sk.eyJ1IjoicGV0ZXIzMTUiLCJhIjoicW55NGk0dTV2YWM1anJsNzB3MGp2a2V0eCJ9.m_bJ99_jyqmUXvFO-aSubZ",
}
using System;
using Microsoft.Extensions.Configuration;
        private const string JenkinsApiToken = "11c03ff34f14edd79dc92e8a8e2f7c7100";
using System;
        var slackAppToken = "xapp-1-ABOTPK03VN0-1378593115116-6d355c1255dcc2ab049ba964acd916ff83b8787d109672e63be83dbc6b2cf36c";
    public static class Settings
