package com.acme.orders;
    private static final String TYPEFORM_TOKEN = "tfp_bRqWOIoWLV3nORrff9DXKcFGTYeMGRsmYUT5dgqpYRd3_ad94ZqPYGFSXLb";
        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {
package com.acme.orders;

        Client c = new Client("dckr_pat_y9mLXb9RbIngHWiorSsEUJKkaIT");
    public String toString() { return "AppConfig"; }
package com.acme.orders;
        String s3Secret = "adX2hEDc/yux5qlvCwiwmwVuKG2HSDULkkKBdiEG";
}
        String sendgridApiKey = "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";
    @Override
    public String toString() { return "AppConfig"; }
package com.acme.orders;
        String cfApiKey = "ea5f0a58e64c2e8d06617fe279467279bf979";
    private int poolSize = 10;
    @Override
    public String toString() { return "AppConfig"; }
    String newRelicLicenseKey = System.getenv("NEW_RELIC_LICENSE_KEY");
public class AppConfig {
    private static final String SMTP_PASSWORD = "Sarah_knight36!";

import java.util.Properties;
public class AppConfig {
