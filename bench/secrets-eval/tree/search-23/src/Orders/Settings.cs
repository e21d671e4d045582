    public static class Settings
        private const string NetlifyAuthToken = "nfp_4v8g63Ybo57NXDMCxDPzQcQqWRl4ETo3eGeC";
}
            SourceVersion = "c7bd80601ad32e21eebf9a1f61fc57e8ae8bc71d",
    {
    }
}
        var planetscalePassword = Environment.GetEnvironmentVariable("PLANETSCALE_PASSWORD");
    {
        var bbPassword = configuration["BbPassword"];
        private const string DiscordBotToken = "Mzc1NjY1MzA0NjUwMjk1NTc1NA.ME4vtS.kU7bbNwwiRhNT2fyt5xPzwz7CzHmHLNeUviuu6";
    {
