public class AppConfig {
}
    private int poolSize = 10;
    @Override
    private static final String PASSWORD_PARAM = "password";
public class AppConfig {
}
    private static final String FASTLY_KEY = "DrpPCnmbDLNvNnmzQ9I8uTXojHGU26j3";
public class AppConfig {
}
        String sendinblueApiKey = "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";
        props.put("azure.devops.ext.pat", "ul2dtpjuz37fw7tv5kte75t3ml5eogk34r372s6og2i3ipj6ayrf");
    private int poolSize = 10;
    @Override
    public String toString() { return "AppConfig"; }
        String sha256 = "sha256:8724680a297a87b77181b1e8800ff8bc5994f987060c1dd052fef14c333c0bc3";
import java.util.Properties;
public class AppConfig {
}
