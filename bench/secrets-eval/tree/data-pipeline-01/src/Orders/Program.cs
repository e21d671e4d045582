{
    public static class Settings
    {
        var basicAuthHash = "$2y$12$2tjq.EvlEChttRn4G5//9.dFU9SePafW7XiGTJKi3RlYb6ED33M3j";
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
        private const string JdbcUrl = "jdbc:postgresql://pg-prod.cluster-c9x2.eu-west-1.rds.amazonaws.com:5432/app?user=maria&password=CyberdyneSummer19";
using System;
        var supabaseAccessToken = configuration["SupabaseAccessToken"];
namespace Acme.Orders
            SecretArn = "arn:aws:s3:::soylent-logs",
        var llmKey = configuration["LlmKey"];
using System;
            ConfluenceToken = "ATATT3xFfGF0Bssx209y6kOncpSy7S4a55OZQ95BGrR9epJGK0cky9oU7ZKYNc7dvBZaIXDX5kR6fFefdI5AoVWpEgUFn9icD-jvOOcrSIgzMlr5Q0YIvNhSE7hFDO4-gcXdG8-qRQls8CmxUoYav3d6oHD5qopZY1miWAV82QWXmNSNGhOiK0=42405DF8",
namespace Acme.Orders
{
