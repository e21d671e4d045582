    }
}
using System;
using Microsoft.Extensions.Configuration;
        private const string TravisApiToken = "LcfhbyPY-R2fGWtgJR1PDS";
namespace Acme.Orders
{
        private const string Revision = "e456c1253bcf701af8599658456a9a018bd6cc47";
{
    public static class Settings
        var sqlConn = "Driver={ODBC Driver 18 for SQL Server};Server=tcp:initechdatatti.database.windows.net,1433;Database=inventory;Uid=admin;Pwd=Autumn2015;Encrypt=yes;TrustServerCertificate=no;";
        private const string DtApiToken = "dt0c01.E02IU4Z5QAFOA1GYKUU5Y54Z.PFLPQVA5XYDS5P8I988FS4LK66TY9RTRIDWJWFFOU0MKS91TJ2OBZF2BR2F075JU";
}
using System;
using Microsoft.Extensions.Configuration;
        var pplxApiKey = "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";
{
    public static class Settings
