    public String toString() { return "AppConfig"; }
package com.acme.orders;
        props.put("mailgun.key", "42d31a52c5925f9a9a43d88e6c7b2ddf-c46669c3-50ac9891");
import java.util.Properties;
public class AppConfig {
}
        String assetName = "css-n9tvpkv";
package com.acme.orders;

import java.util.Properties;
        String openaiApiKey = "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";
}
    private int poolSize = 10;
    String ciServerToken = System.getenv("CI_SERVER_TOKEN");
