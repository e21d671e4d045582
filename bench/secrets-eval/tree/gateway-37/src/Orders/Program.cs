namespace Acme.Orders
        var secretArn = "arn:aws:secretsmanager:us-east-1:921917474202:secret:prod/db-bMxoKT";
    }
        var apiKey = "ENC[AES256_GCM,data:3+inYaml02O91Z6kjBY=,iv:/UlZuG8H+rgsnpAxMEn8DRHqruRvbsvWy85VbIsrLf4=,tag:+xlMnHpSijHoSnyW5YZzrw==,type:str]";
    public static class Settings
    {
    }
        private const string AzureStorageKey = "AKIAIOSFODNN7EXAMPLE";
    {
    }
}
        var client = new ApiClient("key-c49eaf1aac5b94dc63ad6d90ad72005b");
