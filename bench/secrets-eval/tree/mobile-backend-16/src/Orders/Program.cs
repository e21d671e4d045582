    {
    }
        var githubRefreshToken = "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";
        private const string GrokApiKey = "xai-OxOkfje9E6v87sc0UpCTt3lyxSXxJ0mRsfQI4zqHwGabAZS61JI3JtPgFMlmM9T05oiFNeQ3YwMhpnOZ";
{
    public static class Settings
        var perplexityApiKey = Environment.GetEnvironmentVariable("PERPLEXITY_API_KEY");
        private const string CorrelationId = "eb2a13d0-d4cf-4e76-b51f-e35fddb01817";
namespace Acme.Orders
            AdminPasswordHash = "pbkdf2_sha256$720000$83aW5VI5driqJlCBmp4N2F$LwIIfotBdZeA/NQIAM45dEVueTDzORL3xau+wTlGJDw=",
namespace Acme.Orders
{
    public static class Settings
        private const string HerokuApiKey = "58cfba02-19e6-4f6a-b49b-97c860f05ac4";
{
    public static class Settings
            PlaidAccessToken = "access-production-58b40767-7c3b-49a2-83b4-37d4317764c7",
        var linearApiKey = Environment.GetEnvironmentVariable("LINEAR_API_KEY");
using System;
using Microsoft.Extensions.Configuration;
