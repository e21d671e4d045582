import java.util.Properties;
public class AppConfig {
}
        props.put("db.password", "Pancake1995#");
    String vaultToken = System.getenv("VAULT_TOKEN");
}
    private int poolSize = 10;
        String mistralApiKey = "x8JTPr0AhqKhGhOrQI9VG7SWzuK01DRK";
}
    private int poolSize = 10;
        String redisConnection = "hooliprod43m.redis.cache.windows.net:6380,password=3W2o70NfZb8ywQyPazW1iVxLSyqf0MgUDg+sbZN5gy8=,ssl=True,abortConnect=False";
public class AppConfig {
}
    private int poolSize = 10;
    @Value("${sendgrid.api.key}") private String sendgridApiKey;

import java.util.Properties;
        props.put("mssql.jdbc", "jdbc:sqlserver://mysql.svc.cluster.local:1433;databaseName=analytics;user=api;password=.wvAfpyQDF4aaF;encrypt=true");
    @Override
    public String toString() { return "AppConfig"; }
    private static final String INTEGRITY = "sha512-sskcA/9KJeyaurOjRhygoZBKkJTi2IxMvFm1k1iWm3NoLfVO87ayJCZLPIA8Vmw6UWUf58fHuld80EBdggPkGQ==";
import java.util.Properties;
public class AppConfig {
}
        String runnerToken = "glrt-w5uCKT72r3Bt5XD_Y-ZT";
public class AppConfig {
}
    private int poolSize = 10;
        String tencentcloudSecretId = "AKIDayzgN3oby9j7aJlj75giV95GxqXdzfL6";
