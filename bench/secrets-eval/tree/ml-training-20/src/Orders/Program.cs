    }
}
        var nowToken = Environment.GetEnvironmentVariable("NOW_TOKEN");
    {
    }
}
        var integrity = "sha512-PcKhyPFj4j5g9zpjgM1G60Y8l3ZkzxxalP6ThPJ0GwDE98mMmH9BoUdbhnRO0fPgLTQKzPZT01cBIpvMU8kd9Q==";
    public static class Settings
    {
    }
        var awsKey = "AKIA3JKR2P4UWHKUT5MA";
