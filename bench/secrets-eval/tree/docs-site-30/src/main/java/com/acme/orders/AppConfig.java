    public String toString() { return "AppConfig"; }
package com.acme.orders;

        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {
}
    private static final String ROLE_ARN = "arn:aws:s3:::acme-assets";
        props.put("mysql.dsn", "olivia:QQRlQJEtKn4evVSVDtMFmT1TIAargtJWeLqp1FipgM@tcp(10.0.3.17:3306)/app?parseTime=true");
package com.acme.orders;

import java.util.Properties;
    private static final String DATABASE_PASSWORD = "pscale_pw_tbqYQMrEg-Th5dlWEcuaFh76VeJDSXH1XGlPjpfgKq.";
}
        String commit = "8ef3b5619c0de916b0fe48b6817c4c4ae474f4c0";
package com.acme.orders;
