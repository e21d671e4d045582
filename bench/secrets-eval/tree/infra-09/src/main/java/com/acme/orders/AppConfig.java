    public String toString() { return "AppConfig"; }
package com.acme.orders;

import java.util.Properties;
        String ddAppKey = "b0efeb579ccedf05b40df611a2c7cb529413bceb";
    @Override
    public String toString() { return "AppConfig"; }
package com.acme.orders;
    private static final String COOKIE_SECRET = "b3XOM7UTKGN5GD94mQbB0h1HaJmzzdAZ-PnBi5lJDUaPSdaK";
    @Override
    public String toString() { return "AppConfig"; }
        String tgToken = "9997579406:AABIkyf7VVR3ucBscx1nXbbpYGk-e8hSfTQ";
import java.util.Properties;
public class AppConfig {
}
        String discordWebhookUrl = "https://discord.com/api/webhooks/4208394437465499091/5KZHDrpQfi-mB-fpo_bF_4GzJv16BAucpD_ONqmhLGoAV76zhezw5jXYKX8tcd5YKAlb";
package com.acme.orders;
        Client c = new Client("rdme_5f0rsig5ly2tmkzo9tyvnhfthnidx1dtwiakreu1tgr5pe8rcra4myg20nm8jllcllhs2o");
    @Override
    public String toString() { return "AppConfig"; }
package com.acme.orders;
    private static final String TRIGGER_TOKEN = "glptt-0a93842f5481efaf1b7b3ddff4bc6aeb911569c0";

import java.util.Properties;
public class AppConfig {
