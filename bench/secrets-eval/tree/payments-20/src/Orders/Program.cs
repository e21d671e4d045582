using Microsoft.Extensions.Configuration;
namespace Acme.Orders
        private const string SopsAgeKey = "AGE-SECRET-KEY-1UQKZHYNS4KLNAK0ERT80AVLZ4PLYSRH9EALET0YFDUM0Y5DEU7995JKWG5";
    }
}
        private const string K8sToken = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50Iiwia3ViZXJuZXRlcy5pby9zZXJ2aWNlYWNjb3VudC9uYW1lc3BhY2UiOiJkZWZhdWx0Iiwia3ViZXJuZXRlcy5pby9zZXJ2aWNlYWNjb3VudC9zZWNyZXQubmFtZSI6ImRlcGxveWVyLXRva2VuLWU2MjE0Iiwia3ViZXJuZXRlcy5pby9zZXJ2aWNlYWNjb3VudC9zZXJ2aWNlLWFjY291bnQubmFtZSI6ImRlcGxveWVyIiwia3ViZXJuZXRlcy5pby9zZXJ2aWNlYWNjb3VudC9zZXJ2aWNlLWFjY291bnQudWlkIjoiNjk4Yjc4M2UtNWQ4Yy00YTRhLWJhNmEtNzg2YjhiN2NiNWY4Iiwic3ViIjoic3lzdGVtOnNlcnZpY2VhY2NvdW50OmRlZmF1bHQ6ZGVwbG95ZXIifQ.2-hc-GRCYeFx12rGVPc-85hIGHNN68J0MIWObl5esbNSrwRAj0gVb59Df6N1kCST0SdVAiFuJYmz0bKC-pncpcRHnjG1WvmKErtWLjiPfcoaVDp_pOZKobFfLit_u_wHM8A4LWRzOEw6PM76046p7gZwWzvDstYpe8bUNfv4DGIEX7_9S4N95CcZ9PLevcYzZwRGDAz3K8vLxDhtqQArKUkMVbpQzKbtRNjvrv2ZBI4VI973NrYZMVi2Px4atMurOev2aG-3JIHp1mykKxCLCb1T3YbIjs0qc-JS77RTsMuJ5bhFzRl_y4JS18gP1cqEXlfMm5PyjudqATCQTc53Wg";
    public static class Settings
    {
    }
            KafkaSaslJaasConfig = "org.apache.kafka.common.security.plain.PlainLoginModule required username="XPU49865QDGDZ8S5" password="C+aElg3o/reiolYN5XSsFehciHSUyPrtf26upQ/6nsZ27xITe9ku9V9z4kE+Bsvk";",
{
    public static class Settings
            NpmToken = "npm_5FVSEHFWOVWIlOI6YKHrIZ0OkZm4fUjxhHx6",
    }
