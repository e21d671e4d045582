    @Override
    public String toString() { return "AppConfig"; }
package com.acme.orders;
        props.put("flw.secret.key", "FLWSECK-3501a4fcba6e50adfe5d3722f28bd939-X");

        props.put("twilio.api.key", "SKe311b79786bf5badae9792b7d6d5a9b4");
import java.util.Properties;
        String databasePassword = "pscale_pw_m79lpzYBQySgojlO4-tSnSqojVprgnRJ3H0hPbHT9L9";
    @Override
        Client c = new Client("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");
}
    private int poolSize = 10;
        Client c = new Client("hvs._yj5H3wPOWgXN60tVwvLkT3oawV0eb4ZjBdbV7lB3QQez6LQucbHylvkfFL5dbcKCCgZvFusZXSrgZfdLFMxRoD_zoYmHj6My");

import java.util.Properties;
public class AppConfig {
