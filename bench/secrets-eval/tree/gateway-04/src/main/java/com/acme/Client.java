}
    private int poolSize = 10;
    @Override
        String masterPassword = "WClR9XQPbGK8NdA8VwE~bq^Rdho5";
        props.put("twitter.bearer.token", "AAAAAAAAAAAAAAAAAAAAAzQjQ1TVUwVOugV744Hwp2VH2f%3DaLBjtQOY3FFxSWeoOxyVHJB9OPtrn3FpIEe6Gli0KAnfq8GPWR");
        String sonarcloudToken = "ab36120902d7d779a48d8c65ad839f67e810af5f";
        props.put("basic.auth.hash", "$5$k/dm/1zQ6N8JaGTS$1jS0zc0HzM1vNrO1p83ZJVB7JX6uKEz7vuzyaCgHWLl");
import java.util.Properties;
        props.put("supabase.service.key", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InVkbWRoZW5yY2JpYnRqdHd1Ymt6Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTczMTU2NzYzMiwiZXhwIjoyMDQyNzg5Njc3fQ.KlyJPaIy_pvNQL9qkG6Ay8Gk1O5VHNfH0T_igjwHkWs");

import java.util.Properties;
public class AppConfig {
        props.put("gh.oauth", "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");
import java.util.Properties;
        props.put("dd.app.key", "109d30aa7061379b5361df7fda2632fb674ced6a");
    public String toString() { return "AppConfig"; }
