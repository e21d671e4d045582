    @Override
    public String toString() { return "AppConfig"; }
        String sourceVersion = "53f6bfa116b7267e30e6acccf9740a96f07a3edf";
}
    private int poolSize = 10;
        props.put("trace.id", "00-daae13433613584a72a65e4a664d48e6-bc9f1ddcf84275e7-01");
    String nodeAuthToken = System.getenv("NODE_AUTH_TOKEN");
    private int poolSize = 10;
    @Override
        String odbcDsn = "DRIVER={SQL Server};SERVER=db01.corp.lan;DATABASE=analytics;UID=deploy;PWD=umm3r425";
    private static final String PASSWORD_PARAM = "password";
package com.acme.orders;
