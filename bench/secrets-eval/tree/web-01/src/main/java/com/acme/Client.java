}
    private static final String PASSWORD_PARAM = "password";
    private static final String HONEYCOMB_API_KEY = "5tpqf8r51t0acidpu2zmxbzic53tqg5r";
    public String toString() { return "AppConfig"; }
package com.acme.orders;
    private static final String PAYPAL_ACCESS_TOKEN = "access_token$production$hznq2f42mb2qwkk3$c56de0c5d70e3227bb47b232c8b2980f";
}
    private int poolSize = 10;
    @Override
        String renderApiKey = "rnd_TiV5jtCCfVRCOopmgdeI3GVbN5WOVoQY";
public class AppConfig {
}
    private int poolSize = 10;
    private static final String ZENDESK_API_TOKEN = "ywRqammlQgSgQ7qEBprE7wOjfnlg0AhY2KiAa5aq";
public class AppConfig {
        props.put("git.sha", "edde2f697e396d66bf29e3b3c7315179c0e79791");
package com.acme.orders;

import java.util.Properties;
    private static final String SECRET_KEY = "h2kVcVDCIYqzY9jdczShYSJBVJ38aPENAFo9cQhId-s_IKWT";
package com.acme.orders;
        props.put("oracle.jdbc.url", "jdbc:oracle:thin:billing/qfexIbqNQMpwXdcklNXQyD@db01.corp.lan:1521/ORCLPDB1");
}
