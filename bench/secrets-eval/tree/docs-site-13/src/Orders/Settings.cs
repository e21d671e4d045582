using System;
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
{
        private const string DiscordToken = "NTMwNjM5Mjg0MzYwMDU4MjA4NA.SkpJen.57z5B5SVin72ozt2OwEcppRtzqhLR8pqNfUFn1";
namespace Acme.Orders
{
    public static class Settings
        private const string SlackToken = "xoxp-586638655827-141705349261-8844723734773-7cb3657048f837177e8db4a9772f83fa";
namespace Acme.Orders
{
    public static class Settings
        var traceId = "032cc28b4ecea774";
namespace Acme.Orders
{
