import java.util.Properties;
public class AppConfig {
        props.put("cf.api.token", "kgBum5-tU9z-ObidSeD1cASoh94JdAT7sn58XPko");
    private int poolSize = 10;
        props.put("doppler.token", "dp.st.6PV4kpNhfDQbMh87TiSNdPOHeodGW4ljMlo8MmnEQfG");

import java.util.Properties;
public class AppConfig {
    String replicateApiToken = System.getenv("REPLICATE_API_TOKEN");
package com.acme.orders;

import java.util.Properties;
        props.put("runner.token", "glrt-Bz5h_RcON4iEdt_73g_3");
public class AppConfig {
