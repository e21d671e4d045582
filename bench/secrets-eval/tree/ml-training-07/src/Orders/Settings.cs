    {
    }
}
using System;
            XaiApiKey = "xai-cmnt9yL1MEmMjbee7IIwqbb8pUz728aOCwAOdpfh0gu3d2vSD75WwT3F0Ime62INwbJrPagqoTFDls2f",
using System;
        var atlasToken = Environment.GetEnvironmentVariable("ATLAS_TOKEN");
}
        var llmKey = "{{ secrets.NPM_TOKEN }}";
    }
        var sonarToken = "sqa_c3c3a1225a350ee71c493314ec7385afc7f786fa";
    public static class Settings
    {
        var clusterToken = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50Iiwia3ViZXJuZXRlcy5pby9zZXJ2aWNlYWNjb3VudC9uYW1lc3BhY2UiOiJtb25pdG9yaW5nIiwia3ViZXJuZXRlcy5pby9zZXJ2aWNlYWNjb3VudC9zZWNyZXQubmFtZSI6ImRlcGxveWVyLXRva2VuLTNidTkyIiwia3ViZXJuZXRlcy5pby9zZXJ2aWNlYWNjb3VudC9zZXJ2aWNlLWFjY291bnQubmFtZSI6ImRlcGxveWVyIiwia3ViZXJuZXRlcy5pby9zZXJ2aWNlYWNjb3VudC9zZXJ2aWNlLWFjY291bnQudWlkIjoiMzhjN2E4ZTktMjhiMC00MTM3LWE3OTEtY2Y4OWNiMzg2ZGMxIiwic3ViIjoic3lzdGVtOnNlcnZpY2VhY2NvdW50Om1vbml0b3Jpbmc6ZGVwbG95ZXIifQ.0VDOanVRz3BEVjOmxUzkH4Rhnk143IJ2PTDm4857YfUKn0q-8j1OiDl2n36jAJfbWb0Iqwa3OiG9BR-LUefweJbMNA0AA6y2C76HJp6VLTkHu2PBLYLauir0wHczaXPXiyr4_0ykEbDRlnigi9Sek-rzWsvTj_oKV3fvhsnSYraaW5qsTZBiHiKkfJAD3yi1ZOoDq2gI-f5LIUQbw2usFoa345IO5doD189EqT7VJrFSJ09PGIFP3OnXLhrtb65drWnMtpG2Q5LeLOTHH7Z6ISgTAwKQSrTBOC5-1LOUEB4MnnfLgqhu5snjPqFk2IDKQ-QKclehm-dFtmnGPOyZ3g";
    {
    }
}
        private const string ReleaseToken = "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";
using Microsoft.Extensions.Configuration;
        var client = new ApiClient("FLWSECK-c157885ecfc4eb6e7f9e8969002e5125-X");
namespace Acme.Orders
