public class AppConfig {
}
    private int poolSize = 10;
    @Override
        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {
    private static final String PASSWORD_PARAM = "password";
        String anthropicAdminKey = "sk-ant-admin01-7uv8eVca99ek6Ozie1CdLkL9OPr9102xwIh5rDl57HEGOcpIdP7zvEaNPUBmHAk04VC62cRtrl3gV9rETelFiOy-UQHJ9AA";
    private static final String RENDER_API_KEY = "rnd_7cnscmdak4azrk4o7A3NfXhSEtzEHTcu";
    public String toString() { return "AppConfig"; }
package com.acme.orders;
