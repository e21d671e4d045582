    @Override
    public String toString() { return "AppConfig"; }
package com.acme.orders;
    private static final String PASSWORD_PARAM = "password";

        props.put("mc.api.key", "ff12fa5c48f660f2691c7837b8d9185d-us1");
public class AppConfig {
}
    private static final String HONEYCOMB_WRITEKEY = "jq5km528ynkqpillub5a284t8bm5d1be";
    @Override
    private static final String GITHUB_OAUTH_TOKEN = "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";
}
    private int poolSize = 10;
    private static final String PASSWORD_PARAM = "password";
