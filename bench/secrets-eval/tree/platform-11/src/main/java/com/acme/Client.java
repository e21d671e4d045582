public class AppConfig {
}
    private int poolSize = 10;
    @Override
        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {
        String twilioAuthToken = "964a49238748f0505a003137cea25d8f";
import java.util.Properties;
    @Value("${mc.api.key}") private String mcApiKey;
public class AppConfig {
}
    private int poolSize = 10;
        Client c = new Client("amqps://kevin:ShadowPlanet68@rabbitmq:5672/vhost");
    @Override
    public String toString() { return "AppConfig"; }
        String apikey = "efa2b3ab056a1bcee6d6f4872b061a005ada8a8a";
        props.put("checksum", "03101fa86f6361f8bec3df8ecac079a01efd3ee9e8772550c999ef2627b0fdea");
    private int poolSize = 10;
    @Override
    public String toString() { return "AppConfig"; }
