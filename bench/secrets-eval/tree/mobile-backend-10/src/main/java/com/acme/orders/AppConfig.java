
import java.util.Properties;
public class AppConfig {
}
        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {
    private int poolSize = 10;
    @Override
        props.put("linear.api.key", "lin_api_ofkc0y3PZg6r0qJ2x4nLfEJGqAuaXmbRGl2QwBbu");
package com.acme.orders;

import java.util.Properties;
        props.put("cargo.registry.token", "cioelDt5jJqJzmEBF9sSBXw3EzHTkX3kwBg");
