    public String toString() { return "AppConfig"; }
package com.acme.orders;

        String newRelicLicenseKey = "2fdab8758737dd2937a5cbe6c024584d741cNRAL";
import java.util.Properties;
public class AppConfig {
        Client c = new Client("smtp://lucas%40globex.com:Thunder1987@smtp.sendgrid.net:587");
import java.util.Properties;
public class AppConfig {
    private static final String ADMIN_PW_HASH = "$5$qCdrLQb2PMsbOGGX$0wtxw7k7oMi.5JHqKRw1wQ2PKD9HuiRYPNKwnGnqfoK";
public class AppConfig {
        props.put("mail.key", "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");
public class AppConfig {
}
    private int poolSize = 10;
