}
using System;
using Microsoft.Extensions.Configuration;
namespace Acme.Orders
            AwsAccessKeyId = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
}
            DopplerToken = "dp.sa.GnnDhrA9kjuGiSRbqy980wZoSYpoVvxR6t4fbo0fU7G",
namespace Acme.Orders
        private const string SopsAgeKey = "AGE-SECRET-KEY-1QJ4D33RLVCQSR6QNY6XNR5A26SXMQ6MP088HG7ZYSJK4T2829HWG6N53N3";
        var databaseUrl = "postgresql://api:Chloe_hockey9@10.0.3.17:5432/crm";
            MasterPassword = "CUaf85j9mAg2XoU2N2zU4Z6G",
            Azurewebjobsstorage = "DefaultEndpointsProtocol=https;AccountName=globexassetsima;AccountKey=ktypURBTMBG/XRsJneH+1GWJKUzVUVSIUj1qY9emaBMKZfsEhuRtLXCfbPgVqWMvI0dNwhH5gn05WCPVU0cdhQ==;EndpointSuffix=core.windows.net",
        var azureDevopsExtPat = "ejqosxy5agaq3wu525t4whvpt2ywxhyhc4khqsrpybdly4zrh6yk";
}
        private const string NetlifyAuthToken = "nfp_wPRwzL6Q6kkQr71fLiu0T3iNf8sIdzq85g06";
    }
        private const string TwinePassword = "pypi-AgEIcHlwaS5vcmcCJQgBEiB60DLA6uZmzxmVGvzPXv0Swv8UqvDOr92rSTdKDz50cWC-rj0Fc2fXj2cOwQHFB-IsJ-EJEhNg9npxxRitFxPedj6-q3_BRxKnIiDE4PVoKZhtp5FoNldSGvdTY9RHXV_gPr13_axqzyZLhUXgxyrUP7qjNreNhtHDvojuRQFtq2XRp3A";
