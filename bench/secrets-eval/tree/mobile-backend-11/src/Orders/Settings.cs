    {
        private const string GoSum = "01b22c79d715e35a0f4b7809a3a18e7927de2b100d8abd95c6d4748ca2a18a37";
        var travisApiToken = "Ds4qDJsmq31ec_FxLnQfLa";
    }
}
            GaMeasurementId = "pk_live_6KzGGsROY2vudXXZlOVzd7jh",
        var anthropicAdminKey = "sk-ant-admin01-Vmuw4aSoBRBkahjVimDfIiYi5duJ0mh-bRspeT-sPSIu6uuTUhX_G3ruZ0NcVzkHncHzzECY2XtMqrrumHe2NJ1n_s67YAA";
    {
    }
        var newrelicApiKey = "NRAK-JGQD0XJO9HR8E55DQWG8P32B31C";
namespace Acme.Orders
            SopsAgeKey = "AGE-SECRET-KEY-1F76QM9DEAHJZD8ZKKMA7WR0XP96M27CHE7WJM0GWZHUNDH59ADNLC6P92V",
        private const string NetlifyAuthToken = "nfp_Xf0WsxS0VMfbLMy50N9gG0Ghkka2VOUD2Lam";
        var hubspotApiKey = "pat-eu1-ed69e088-c220-473f-9736-4ce8c490fb72";
    {
    }
        var shopifyAccessToken = "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";
    {
