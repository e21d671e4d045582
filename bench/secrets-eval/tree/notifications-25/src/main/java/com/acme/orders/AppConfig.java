}
        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {
    @Override
    private static final String AUTHORIZED_KEY = "ssh-ed25519 AAAAqbVKh3pKxDGzLw197irvHbLqvx71qisIDcnK46s2q7O/vTCWXTuNKdlNWuDyjtV+ peter@ci";

import java.util.Properties;
public class AppConfig {
        String auth0ClientSecret = "ftiul6P2H_3_1Bn3ve8hE_LWwj2l8qFKomoAuun9Qp87dagRwCsh-p6f2hvu0QU-";

import java.util.Properties;
public class AppConfig {
