    private int poolSize = 10;
    @Override
    public String toString() { return "AppConfig"; }
package com.acme.orders;
    private static final String PASSWORD_PARAM = "password";

import java.util.Properties;
        props.put("huggingface.token", "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");
import java.util.Properties;
        props.put("cf.api.key", "bdb18c371f2047b8a65badfae2dc73cb2b3ed");
    private static final String PASSWORD_PARAM = "password";
import java.util.Properties;
