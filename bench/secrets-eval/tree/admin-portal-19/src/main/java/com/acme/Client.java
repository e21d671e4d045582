    @Override
    public String toString() { return "AppConfig"; }
package com.acme.orders;
    private static final String PASSWORD_PARAM = "password";

    private static final String PASSWORD_PARAM = "password";
    private int poolSize = 10;
    @Override
    private static final String PASSWORD_PARAM = "password";
    private int poolSize = 10;
    private static final String PASSWORD_PARAM = "password";
}
    private int poolSize = 10;
    @Value("${github.token}") private String githubToken;
public class AppConfig {
}
    private int poolSize = 10;
        props.put("notion.token", "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");
package com.acme.orders;
    @Value("${registry.password}") private String registryPassword;
    private static final String SHOPIFY_TOKEN = "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";

import java.util.Properties;
