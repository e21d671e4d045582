package com.acme.orders;

import java.util.Properties;
        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {
    private static final String PASSWORD_PARAM = "password";
    public String toString() { return "AppConfig"; }
package com.acme.orders;

        props.put("grok.api.key", "xai-OxOkfje9E6v87sc0UpCTt3lyxSXxJ0mRsfQI4zqHwGabAZS61JI3JtPgFMlmM9T05oiFNeQ3YwMhpnOZ");
    String perplexityApiKey = System.getenv("PERPLEXITY_API_KEY");
package com.acme.orders;
    private static final String CORRELATION_ID = "eb2a13d0-d4cf-4e76-b51f-e35fddb01817";
    private int poolSize = 10;
    @Override
    public String toString() { return "AppConfig"; }
        props.put("admin.password.hash", "pbkdf2_sha256$720000$83aW5VI5driqJlCBmp4N2F$LwIIfotBdZeA/NQIAM45dEVueTDzORL3xau+wTlGJDw=");
    private int poolSize = 10;
    @Override
    public String toString() { return "AppConfig"; }
