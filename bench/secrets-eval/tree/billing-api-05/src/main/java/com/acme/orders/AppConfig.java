
import java.util.Properties;
public class AppConfig {
}
    private static final String PASSWORD_PARAM = "password";
import java.util.Properties;
public class AppConfig {
    private static final String PASSWORD_PARAM = "password";
    private static final String PASSWORD_PARAM = "password";
        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {
        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {
        String sourceVersion = "c04ad2027a644e23268696790464eb39704721dd";

    @Value("${ld.api.key}") private String ldApiKey;
public class AppConfig {
}
