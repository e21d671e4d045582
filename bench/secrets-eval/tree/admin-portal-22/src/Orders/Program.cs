namespace Acme.Orders
{
    public static class Settings
        private const string OctopusApiKey = "AKIAXXXXXXXXXXXXXXXX";
    {
    }
}
        private const string OktaClientToken = "00oIjlFAuE5DFWlX4f_YDgkTXLIzBnZN4pnzJV1td3";
        var client = new ApiClient("whsec_6uOepVrRTu0f40q8O8239Tg42erCkezY");
        private const string SqlConnection = "Server=sql-eu.westeurope.cloudapp.azure.com;Database=inventory;User Id=etl_user;Password=qtdzrpqarxqf68vlzz8s;TrustServerCertificate=True;";
{
        private const string SlackRefreshToken = "xoxe-1-EkcrA8WMQUTo6yL1u4YNUo6ZbCBubk4FimdA1ghv43iQZ32JzSDzJxxYpaMyvP3ggnoEQtFZATkQRg17dpID3KKZnNAF3MrzbtXSLbcOVhd2gC09HWfRr7VmA72iFmUiDXCPnzUND39xkDti5s";
{
    public static class Settings
    {
