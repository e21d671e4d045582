    public String toString() { return "AppConfig"; }
package com.acme.orders;

    private static final String PREFECT_API_KEY = "pnu_8b9ysiWePv3ennUVQKQHaeuSKPncEDx03FlC";
package com.acme.orders;

import java.util.Properties;
    private static final String NODE_AUTH_TOKEN = "npm_8uR6u2ESNOITWCyjKABMTiLmmSYHuHJGUZ56";
}
    private int poolSize = 10;
    @Override
        props.put("new.relic.insert.key", "NRII-fiCB9Tt75JJOk8oRK0VHkbsEJ6e2AAG-");
