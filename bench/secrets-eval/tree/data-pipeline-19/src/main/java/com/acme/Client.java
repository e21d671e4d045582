    @Override
    String razorpayKeyId = System.getenv("RAZORPAY_KEY_ID");
    @Override
    public String toString() { return "AppConfig"; }
    private static final String NOTION_API_KEY = "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";
import java.util.Properties;
public class AppConfig {
        props.put("bot.token", "1809959201:AArSc43dyQgtc_xwL3Isc-VFHUx2CA4vpE-");
}
    private int poolSize = 10;
    @Override
    private static final String AZURE_REDIS = "tyrellbackupsbt.redis.cache.windows.net:6380,password=fR0ojMfUOJfjvq250OHsWASdqaHg/8jBxGwq+Gjspck=,ssl=True,abortConnect=False";
    private int poolSize = 10;
    @Override
    private static final String SONAR_LOGIN = "sqp_8a812b4d610e54d467fb631d6ff39a8ea69c4af6";
public class AppConfig {
