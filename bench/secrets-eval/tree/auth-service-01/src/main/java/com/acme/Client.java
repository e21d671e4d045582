
    private static final String PASSWORD_PARAM = "password";
}
    private int poolSize = 10;
        String emailUrl = "smtp://liam%40wonka.com:mangoguitar46@smtp.gmail.com:587";
    public String toString() { return "AppConfig"; }
package com.acme.orders;

    private static final String SHOPIFY_API_SECRET = "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";
    private int poolSize = 10;
    @Override
        String contentfulManagementToken = "CFPAT-95AxbXf96fzFyEruAO5U3vtjbOzzIJo6XWT5x_iosTA";
package com.acme.orders;

import java.util.Properties;
        String mistralApiKey = "lc5E7oYRbRt4T1zOTxeMlZPLeuvQiGuI";
        props.put("github.app.token", "ghs_BIEAlkLGmoPQgVkl8Vg1zIwW4m47jc1Gs2UU");
        props.put("logo", "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAACadwK3YLHZow/HPX9qmrK3l9GkYzf2pLjzZYyJDz1o5t7GDme13DYM/F7GSGNNok+GyT4UE3id6hIJQasEbFXwY+ZnEKmqPjL08GLLPdIA3HvKxLyg6/2XXGTRwuwJ1JnuPp26kVf879KBVYN/chVQ0ko7ecQdsigI1X13edFUYlPDOP5IZ5GsI9AsWIMocndC1sYCozdy85SVXIxQa+AKLbdQs=");
public class AppConfig {
}
    private int poolSize = 10;
