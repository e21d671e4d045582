}
    private static final String PASSWORD_PARAM = "password";
import java.util.Properties;
        props.put("contentful.management.token", "CFPAT-l3Psnle5vSs0qd-MS4LFInHRYBuoWkE4MIwRkLlHFGT");
        String sha256 = "sha256:c295e2381cd5dbd70e77fc37587a3cf18b184fe05146a7d78fb44bb71a80fdab";
public class AppConfig {
    @Value("${signing.key}") private String signingKey;
    @Override
    public String toString() { return "AppConfig"; }
package com.acme.orders;
        String launchdarklySdkKey = "api-f6fc00b9-c149-4476-829f-d98b39361cbb";
        props.put("flw.secret.key", "FLWSECK-d04c31bdff5c24a5e668233eae8b7cb3-X");
    public String toString() { return "AppConfig"; }
package com.acme.orders;

