using Microsoft.Extensions.Configuration;
namespace Acme.Orders
{
    public static class Settings
        private const string FlyApiToken = "FlyV1 fm2_u9jyWwpwOPpgKQEj0FyuM9RWhwl0p1teFD9RquwI//VzxkeOLSXPNJjHYGNZ4HdAM291Kcf5hiV7uz0s97JKXLyLdWC3t9nQFeJCurbXI9ZyWDHdA0gbQqNPUqmi81pc8OYN7JyxaJsM6SXZGr6okSG1E7dLWJ0Mc3P1Sl9bHjG3o624HB84FcCuiO5MpLzsFxg4+hrCvHoYwTA78EbFWhbf3RcpOQCDtsx+WPI71vZxwdw5C0Eb5JBySHCo8lsEeWyMonACwMEajTHVkkrAeJSyUsUgBhOLQCxqRbvz7y3qW0b7jj5g7FBL/W1OzuKbFcE4J3BdEeL0tJ4cJ33fJjgH0nm/RZaxtwIoTJQe/5ltjGMxyEVHzsxc6+9t70ZUUI3Uh+KLYsE1+zQ3L/CKYsBYs88yQnH8YStoCNlW0cp+Qg==";
using Microsoft.Extensions.Configuration;
        private const string SonarLogin = "sqp_feb88f2954b38a10765bd56461deb10b0cf9d85c";
namespace Acme.Orders
{
    public static class Settings
        private const string SquareAppSecret = "sq0csp-QJcOkVVmyoIeZ6rREa4Jd0HXGPZh8JNU1auKAROMmAp";
    {
        private const string NetlifyAuthToken = "nfp_zrRyNaych6OXxICdvAAl5umot0fXRrl3fptz";
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
        private const string ShopifyApiSecret = "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";
namespace Acme.Orders
{
    public static class Settings
        var apiJwt = configuration["ApiJwt"];
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
        private const string GrafanaServiceAccountToken = "glsa_J04xlw15lOt55eCWYEZnmNWe4T30MPgH_f434c27d";
    public static class Settings
    {
