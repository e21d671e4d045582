public class AppConfig {
}
    private static final String PASSWORD_PARAM = "password";
        String mysqlUrl = "mariadb://postgres:jFHgPO-1GPbLt-LHiBBy@mysql.svc.cluster.local:3306/orders";
    public String toString() { return "AppConfig"; }
        props.put("grafana.cloud.token", "glc_eyJvIjoiNjk0ODQwIiwibiI6ImRlcGxveS1zamlxaHQiLCJrIjoiRDI1RklSWVBCZ0xHcklSQTV6QUJpcGhqIiwibSI6eyJyIjoicHJvZC11cy1lYXN0LTAifX0");
}
    private int poolSize = 10;
    private static final String DOPPLER_TOKEN = "dp.ct.NkCNHQfcoL9yJzWDRHa7NYdE7iijvcjLL7IHIiWfEWa";
public class AppConfig {
}
        props.put("shopify.token", "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");
package com.acme.orders;
        String nowToken = "LSUBe0o5sMl3Nj3X3NOvhw8z";
