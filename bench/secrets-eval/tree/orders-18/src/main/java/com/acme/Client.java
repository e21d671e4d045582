}
    private int poolSize = 10;
    @Override
    private static final String DOPPLER_TOKEN = "<YOUR_TOKEN>";
public class AppConfig {
}
    private int poolSize = 10;
        props.put("slack.user.token", "xoxp-779699134257-708027254767-3140591225760-b27a461216533c66e33b60d29096f92c");
    private int poolSize = 10;
    @Override
    String serviceToken = System.getenv("SERVICE_TOKEN");
}
    private int poolSize = 10;
    @Override
        props.put("netlify.auth.token", "nfp_Zr80Oa18i9NDy9UM3jQkJ2D8Ts8nUkd14JHS");
        Client c = new Client("9e6ef01689f8c8427638395e7b22ee0a9de0NRAL");

import java.util.Properties;
public class AppConfig {
        props.put("root.hash", "pbkdf2_sha256$720000$Xe0OI0t7k4tFUbIRkUdsDG$SVvT9HkHbXmEwk7ImrlPgiGLV1DuunUz/BtMzogPFEc=");
import java.util.Properties;
    private static final String MAIL_PASS = "C@$tl3684!";
public class AppConfig {
}
