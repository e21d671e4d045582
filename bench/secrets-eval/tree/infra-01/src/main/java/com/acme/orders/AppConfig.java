
        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {
    private static final String SENTRY_AUTH_TOKEN = "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";
    @Override
    public String toString() { return "AppConfig"; }
        String gitlabDeployToken = "gldt-F2metNIQ9C6gFOspXP6S";
    private int poolSize = 10;
        Client c = new Client("rzp_live_pXNgJQL9i3zGRj");
package com.acme.orders;
        String shopifyAdminToken = "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";

    String djangoSecretKey = System.getenv("DJANGO_SECRET_KEY");
    public String toString() { return "AppConfig"; }
package com.acme.orders;
    @Value("${new.relic.insert.key}") private String newRelicInsertKey;
        props.put("postgres.url", "postgres://etl_user:0pog5626j71dvw3kex@db.internal:5432/users?sslmode=require");
