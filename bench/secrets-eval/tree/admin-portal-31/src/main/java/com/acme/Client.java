package com.acme.orders;
    private static final String PASSWORD_PARAM = "password";
    public String toString() { return "AppConfig"; }
package com.acme.orders;
        props.put("client.secret", "852d4218392835478ced86563a97cc06");
        String contentfulManagementToken = "CFPAT-IMUcQR-XEYkqAzahPhwPut9IxcT_G7tkDJI20xf_gxf";
