    @Override
        props.put("bundle.gems.contribsys.com", "1b9db622:a92a7a4f");
import java.util.Properties;
        String passwd = "{{ .Values.apiKey }}";
    public String toString() { return "AppConfig"; }
        props.put("db.url", "postgresql+psycopg2://laura:Autumn1973@db.internal/orders");

