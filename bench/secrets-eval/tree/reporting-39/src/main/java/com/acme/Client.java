public class AppConfig {
}
        String connectionstringsDefault = "Server=orders-db.prod.acme.io;Database=app;User Id=anna;Password=Ember2014;TrustServerCertificate=True;";
    @Override
    public String toString() { return "AppConfig"; }
package com.acme.orders;
        props.put("github.token", "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");
import java.util.Properties;
        props.put("rabbitmq.url", "amqp://svc_orders:mango-maple-ember@gqkvhbzz.rmq.cloudamqp.com:5672/prod");
    public String toString() { return "AppConfig"; }
        props.put("bb.password", "ATBBM0MFuyIa0C9j7V2WNeyyf2W0DEb7bCmuC5F96D93");
    @Override
        String hcloudToken = "WtAT5JucMYRJVN5ZswiFRJq9gsHpUGIrtnDD0lZmdGPgI4iXaxTMOwD7q7NRU6cR";
    @Override
    private static final String AWS_SESSION_TOKEN = "IQoJb3JpZ2luX2VjfhXUXu4MkYB2xv4Ucdx6xNb11+7ZUuF6mq0ibu9E27mnmXlII6zmCyO9yXDsEhlUXVsX16FdBmMv4GS4m++hcKN/mU/UWvYLUeS/kbp7M2qyIvcfyK34/4N8CZVI8Zuhu+1WEVCvXTGWgxM/OK1TDyQwk8fi2zqY5fh/Ysic5zezaMvpExTdf0e3sObmYVpCamm8ThgiD46QIclnbnComIGm068UY41XIr6J6rx9fUe7nT6m5k0oOtHv7JAULrGiTQqE2CdBvttLeJNJ72QTylLcDomJRK/d0hIZ5gob3IQ6DI7OU8ayRClJoRL3bAT3VI9d69KeHbJvqx+gXpeOdu96ncddIvzDddEWlH5fIB2wMNLO7UAxGRH8kJrTLIiqVW4MROxNvubaCtjLFO1Y+zb1lUF2TEtcQ1Wk7WQcYE5pSp8dA6pdVRaWqPP2NVHvRk1pfvdKs8rPpMh5MO2y2RQvBlZNRuDeOxU=";
    @Override
    private static final String HUGGINGFACE_TOKEN = "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";
import java.util.Properties;
        String cfApiKey = "bdb18c371f2047b8a65badfae2dc73cb2b3ed";
    public String toString() { return "AppConfig"; }
package com.acme.orders;
