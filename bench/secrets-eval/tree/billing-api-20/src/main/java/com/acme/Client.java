package com.acme.orders;

import java.util.Properties;
public class AppConfig {
        props.put("github.oauth.token", "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");
public class AppConfig {
}
    private int poolSize = 10;
        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {
package com.acme.orders;
    private static final String PIP_INDEX_URL = "https://peter:5cCKLe11uFB8rWMoUWnq0hWSEC@registry.vandelay.io/repository/pypi/simple";
    public String toString() { return "AppConfig"; }
package com.acme.orders;

