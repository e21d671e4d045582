    @Override
    public String toString() { return "AppConfig"; }
package com.acme.orders;
    private static final String PASSWORD_PARAM = "password";
    private static final String SECRET_ARN = "arn:aws:s3:::globex-assets";
    public String toString() { return "AppConfig"; }
package com.acme.orders;

        String shopifyAdminToken = "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";
}
        String asanaAccessToken = "2/1444107390390849:f7485585db734c488290136c1e000a19";
}
    private int poolSize = 10;
    @Override
    private static final String INTEGRITY = "sha512-QTGglagOISlXz/ORVfI/EhIuhNQkBhQ/JvzCOuvk2U+jBPR9dQvzz1Wx4HV0iDS7Ly2Jb/eZ0+7Wq5DT+FTGEQ==";

    private static final String POSTGRES_URL = "postgresql://anna:Qwerty113@10.0.3.17:5432/app";
}
    private int poolSize = 10;
    @Override
    private static final String MAILGUN_API_KEY = "9eec261c7984b674c7c9111efa7520c0-c71a4952-f074cfba";
    public String toString() { return "AppConfig"; }
package com.acme.orders;
