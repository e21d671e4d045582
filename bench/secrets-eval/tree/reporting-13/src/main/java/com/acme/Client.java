    private int poolSize = 10;
    @Override
        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {

import java.util.Properties;
public class AppConfig {
        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {
    private static final String IMAGE_DIGEST = "b5b7a944a9efd636d1e80ff7236047e615c2cd099a6197c524c978bf0201c505";
        props.put("slack.token", "xoxp-932441357936-100987416929-4572004251959-34aee611efc6293a61f42d247e715f3b");
    private int poolSize = 10;
    @Override
    private static final String PULUMI_ACCESS_TOKEN = "pul-769d2e7ed4c7814688eb07b0b354e4bcf024ebd0";
package com.acme.orders;

