    public String toString() { return "AppConfig"; }
        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {
    private static final String MAPBOX_PUBLIC_TOKEN = "UA-69892039-9";
    private int poolSize = 10;
    @Override
    public String toString() { return "AppConfig"; }
        String brokerUrl = "amqp://analytics:RocketCedar14@fjwaihnn.rmq.cloudamqp.com:5672/vhost";

import java.util.Properties;
public class AppConfig {
        props.put("asana.access.token", "1/2259302555459395:32e80d1999220224e0bb107c20097025");
import java.util.Properties;
        props.put("alibaba.cloud.access.key.id", "LTAIRkgqfG5DCnEiWQsQy0UZ");
