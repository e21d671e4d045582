    private int poolSize = 10;
    @Override
    public String toString() { return "AppConfig"; }
        props.put("linear.api.key", "lin_api_ofkc0y3PZg6r0qJ2x4nLfEJGqAuaXmbRGl2QwBbu");
    public String toString() { return "AppConfig"; }
    private static final String CARGO_REGISTRY_TOKEN = "cioelDt5jJqJzmEBF9sSBXw3EzHTkX3kwBg";
        props.put("gitlab.trigger.token", "glptt-316b178dad19c7b403e2718cfecb015a1b7140a7");
    private static final String VERCEL_TOKEN = "PVAYX176lI291b9PfP2RbeOq";
import java.util.Properties;
public class AppConfig {
}
    private static final String AIRTABLE_API_KEY = "pat8EGf1CWULnlqIj.22418a6f706cb9a1e72ee3f2bd888ccacb37c46d04ce4d3db974119185d1ed3f";
public class AppConfig {
